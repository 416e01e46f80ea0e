const reloadedAtKey = 'cosell.reloadedForNewVersion';

/**
 * Each page's code is loaded when it is first opened, by a name that changes with every build. A page left
 * open across a deployment asks for names the server no longer has (404): load the new version instead of
 * showing an error, once; if that happened less than a minute ago, let the error show.
 */
export function reloadWhenChunksAreGone(): void {
  window.addEventListener('vite:preloadError', (event) => {
    try {
      const last = Number(window.sessionStorage.getItem(reloadedAtKey) ?? 0);
      if (Date.now() - last < 60_000) return;
      window.sessionStorage.setItem(reloadedAtKey, String(Date.now()));
    } catch {
      return; // Without storage there is no guard against a reload loop: show the error.
    }
    event.preventDefault();
    window.location.reload();
  });
}
