// Vite's `?worker` imports: the module's default export constructs a Worker running that file.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker
  export default WorkerConstructor
}
