import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The dashboard's own files: plain ES modules, HTML and CSS, served as they are (no build step). */
export const DASHBOARD_WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "web");
const UPLOT_DIR = dirname(createRequire(import.meta.url).resolve("uplot"));

/**
 * Serves the operational dashboard at /dashboard/ and uPlot (its charts) from node_modules, the way
 * the docs UI serves its assets. Everything here is public and holds no data: the page asks for an
 * API key and reads the API with it (install-auth.ts lists /dashboard among the public prefixes).
 */
export async function serveDashboard(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    scope.get("/dashboard", { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
      reply.redirect("/dashboard/", 302),
    );
    await scope.register(fastifyStatic, {
      root: DASHBOARD_WEB_DIR,
      prefix: "/dashboard/",
      decorateReply: false,
      index: ["index.html"],
      // The page is small and changes with the hub: always revalidate, never serve a stale script.
      cacheControl: true,
      maxAge: 0,
    });
    await scope.register(fastifyStatic, {
      root: UPLOT_DIR,
      prefix: "/dashboard/vendor/uplot/",
      decorateReply: false,
      allowedPath: (path) => path === "/uPlot.esm.js" || path === "/uPlot.min.css",
      maxAge: "1d",
    });
  });
}
