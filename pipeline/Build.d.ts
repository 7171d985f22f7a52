/** Which factgate is running: a hash of its version, source, schemas and installed packages. */
export declare const build: string
/** The URL of `entry`, a module of the pipeline, bundled once per build; or why it cannot be made. */
export declare const bundled: (name: string, entry: string) => string | Error
/** The worker's entry point, as a URL for the pool. */
export declare const workerEntry: () => string
