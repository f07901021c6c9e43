// Keyboard shortcuts for the operator console: every action has one (see the ? overlay).
// Alt+letter works everywhere, also while typing in the search box; digits and ? only when
// no field has the focus, so typing a number into a form never presses a button.
export function register(dotnet) {
  const handler = (e) => {
    const target = e.target || {};
    const tag = target.tagName || '';
    const typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
    let key = null;
    if (e.key === 'F2' || (e.ctrlKey && !e.altKey && e.code === 'KeyK')) {
      key = 'search';
    } else if (e.altKey && !e.ctrlKey && !e.metaKey && e.code && e.code.startsWith('Key')) {
      key = 'alt-' + e.code.substring(3).toLowerCase();
    } else if (e.key === 'Escape') {
      key = 'escape';
    } else if (target.id === 'search' && (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter')) {
      key = e.key === 'Enter' ? 'enter' : (e.key === 'ArrowDown' ? 'down' : 'up');
    } else if (!typing && !e.altKey && !e.ctrlKey && !e.metaKey && /^[1-4?]$/.test(e.key)) {
      key = e.key;
    }

    if (key) {
      e.preventDefault();
      dotnet.invokeMethodAsync('OnShortcut', key);
    }
  };
  document.addEventListener('keydown', handler);
  return { dispose: () => document.removeEventListener('keydown', handler) };
}

export function focus(selector) {
  const element = document.querySelector(selector);
  if (element) {
    element.focus();
    if (element.select) {
      element.select();
    }
  }
}

export function clear(selector) {
  const element = document.querySelector(selector);
  if (element) {
    element.value = '';
    element.focus();
  }
}
