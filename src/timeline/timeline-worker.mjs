// Worker threads load modules with Node's own loader: register tsx in this thread, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./timeline-worker.ts");
