const KEY = 'crm.apiKey';

/** The API key lives for the browser tab only (sessionStorage), never in a cookie or on disk. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string): void => sessionStorage.setItem(KEY, key),
  signOut: (): void => sessionStorage.removeItem(KEY),
};
