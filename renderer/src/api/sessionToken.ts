const storageKey = 'cyberCounter.token';
const tokenPattern = /^#token=([A-Za-z0-9._~-]+)/;

/**
 * The preview host's per-start token arrives once in the URL hash. It is kept in sessionStorage
 * so a reload still works, and removed from the address bar so it is not copied or bookmarked.
 */
export function readSessionToken(): string | null {
  const match = tokenPattern.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      window.sessionStorage.setItem(storageKey, token);
    } catch {
      // Storage can be disabled; the token then lives only as long as this page.
      memoryToken = token;
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return token;
  }
  try {
    return window.sessionStorage.getItem(storageKey) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

let memoryToken: string | null = null;
