// Starts Blazor and recovers by itself after a server restart: keep retrying while the server is away,
// and reload the page once it answers again with a new circuit.
(function () {
  const modal = () => document.getElementById('components-reconnect-modal');
  async function reloadWhenBack() {
    for (;;) {
      try {
        const response = await fetch(location.href, { cache: 'no-store' });
        if (response.ok) { location.reload(); return; }
      } catch { /* still down */ }
      await new Promise(r => setTimeout(r, 1000));
    }
  }
  document.addEventListener('DOMContentLoaded', () => {
    const element = modal();
    if (element) {
      element.addEventListener('components-reconnect-state-changed', e => {
        const state = e.detail.state;
        element.className = state === 'show' || state === 'retrying' ? 'components-reconnect-show' : '';
        if (state === 'rejected' || state === 'failed') reloadWhenBack();
      });
    }
    Blazor.start({ circuit: { reconnectionOptions: { maxRetries: 30, retryIntervalMilliseconds: 1000 } } });
  });
})();
