/**
 * Asks the browser to keep this origin's storage when the disk runs low.
 * Without it Chromium may evict the whole IndexedDB database (replica, counts
 * and queued writes) under storage pressure. Electron's own profile is not
 * evicted this way; the web host's browser profile is. The answer goes on
 * <body data-storage-persisted> for support and E2E to read.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = navigator.storage
): Promise<boolean> {
  if (!storage?.persist) return false
  const granted =
    (await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false))
  document.body.dataset.storagePersisted = String(granted)
  return granted
}
