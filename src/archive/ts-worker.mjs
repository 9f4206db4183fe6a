// Worker threads load modules with Node's own loader: register tsx in this thread, then load the
// worker's TypeScript module (threads.ts tsWorker).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.tsModule);
