// The cache-busting query a reload adds to the module's URL.
/** The query a reload adds to the agents module's URL (the hooks pass it on to its own files). */
export const RELOAD_QUERY = 'switchyard-reload'
