#!/bin/sh
# Installs what `npm start` and `npm test` need on a fresh machine:
# Debian packages (as root; otherwise names them) and the npm dependencies.
set -e
cd "$(dirname "$0")/.."

PACKAGES="php-cli php-sqlite3 php-intl php-mbstring php-xml php-gmp chromium git"
missing=""
for pkg in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $pkg"
	fi
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "Installing Debian packages:$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "Missing Debian packages:$missing"
		echo "Install them with: sudo apt-get install$missing"
		exit 1
	fi
fi

# npm dependencies, exactly as locked; again only when the lock file changed.
stamp=node_modules/.partnerships-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
	npm ci --no-audit --no-fund --loglevel=error
	cp package-lock.json "$stamp"
fi
