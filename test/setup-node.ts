// Node tests run the real Dexie replica on fake-indexeddb; it must be installed before Dexie loads.
import 'fake-indexeddb/auto'
