import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { UseLeaveGuardReturn, useLeaveGuard } from '../../../../src/shared/ui/useLeaveGuard';

function mountGuard( dirty = ref( false ), busy = ref( false ) ): { guard: UseLeaveGuardReturn; onLeave: ReturnType<typeof vi.fn>; unmount: () => void } {
	const onLeave = vi.fn();
	let guard!: UseLeaveGuardReturn;
	const wrapper = mount( defineComponent( {
		setup() {
			guard = useLeaveGuard( { dirty, busy, onLeave } );
			return () => h( 'div' );
		},
	} ) );
	return { guard, onLeave, unmount: () => wrapper.unmount() };
}

function unload(): Event {
	const event = new Event( 'beforeunload', { cancelable: true } );
	window.dispatchEvent( event );
	return event;
}

afterEach( () => {
	vi.restoreAllMocks();
} );

describe( 'useLeaveGuard', () => {
	it( 'leaves at once when nothing would be lost', () => {
		const { guard, onLeave, unmount } = mountGuard();
		guard.request();
		expect( guard.asking.value ).toBe( false );
		expect( onLeave ).toHaveBeenCalledTimes( 1 );
		unmount();
	} );

	it( 'asks first with unsaved work, and leaves only on discard', () => {
		const { guard, onLeave, unmount } = mountGuard( ref( true ) );
		guard.request();
		expect( guard.asking.value ).toBe( true );
		expect( onLeave ).not.toHaveBeenCalled();
		guard.stay();
		expect( guard.asking.value ).toBe( false );
		expect( onLeave ).not.toHaveBeenCalled();
		guard.request();
		guard.discard();
		expect( guard.asking.value ).toBe( false );
		expect( onLeave ).toHaveBeenCalledTimes( 1 );
		unmount();
	} );

	it( 'has the browser ask before closing the page with unsaved work, not while busy, not once unmounted', () => {
		const dirty = ref( false );
		const busy = ref( false );
		const { unmount } = mountGuard( dirty, busy );
		expect( unload().defaultPrevented ).toBe( false );
		dirty.value = true;
		expect( unload().defaultPrevented ).toBe( true );
		busy.value = true;
		expect( unload().defaultPrevented ).toBe( false );
		busy.value = false;
		unmount();
		expect( unload().defaultPrevented ).toBe( false );
	} );
} );
