// The app server under `remix dev`: started again after every rebuild, then tells Remix it is ready.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { getEnv } from "../app/utils/env.server";
import { startServer } from "./server";

const env = getEnv();
await startServer({ port: env.PORT });
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
await broadcastDevReady(build);
