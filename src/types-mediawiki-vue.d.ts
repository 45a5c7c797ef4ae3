// The `vue` module as ResourceLoader provides it (createMwApp, $i18n).
import 'types-mediawiki/vue';
