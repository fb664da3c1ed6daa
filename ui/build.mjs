// Builds the UI into ../api/static: index.html, app.js, app.css and LICENSES.txt
// (the licences of every npm package bundled into app.js, found from esbuild's
// metafile). Run with `npm ci && npm run build`; the output is committed.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "..", "api", "static");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// The project's own vocabulary (ingest/vocab/bodies.yaml), reduced to what the UI
// needs to name a post ("head@ban-dan-van" at district level): per body type its
// branch and its name, plain and per level. Imported as the virtual module "vocab".
function vocabulary() {
  const src = YAML.parse(fs.readFileSync(path.resolve(here, "..", "ingest", "vocab", "bodies.yaml"), "utf8"));
  const out = {};
  for (const [key, v] of Object.entries(src.body_types)) {
    const first = (list) => (Array.isArray(list) && list.length ? list[0] : undefined);
    out[key] = {
      branch: v.branch ?? null,
      name: first(v.names) ?? null,
      levels: Object.fromEntries(["province", "district", "commune", "village"]
        .map((level) => [level, first(v[level])]).filter(([, n]) => n)),
    };
  }
  return out;
}
const vocabPlugin = {
  name: "vocab",
  setup(build) {
    build.onResolve({ filter: /^vocab$/ }, () => ({ path: "vocab", namespace: "vocab" }));
    build.onLoad({ filter: /.*/, namespace: "vocab" }, () => ({
      contents: JSON.stringify(vocabulary()), loader: "json",
      watchFiles: [path.resolve(here, "..", "ingest", "vocab", "bodies.yaml")],
    }));
  },
};

const result = await esbuild.build({
  plugins: [vocabPlugin],
  entryPoints: { app: path.join(here, "src", "main.ts"), style: path.join(here, "src", "style.css") },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  metafile: true,
  legalComments: "none",
  logLevel: "info",
});

fs.copyFileSync(path.join(here, "src", "index.html"), path.join(out, "index.html"));

// The API's documentation pages (/docs, /redoc; api/docs.py) load these from the app,
// never from a CDN: Swagger UI and ReDoc as their packages ship them (ReDoc with one change, below).
const DOCS_ASSETS = [
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui.css"],
  ["redoc", "bundles/redoc.standalone.js", "redoc.standalone.js"],
  // the licences of what the standalone bundle inlines (React, styled-components ...)
  ["redoc", "bundles/redoc.standalone.js.LICENSE.txt", "redoc.standalone.js.LICENSE.txt"],
];
const docsPackages = new Map();
for (const [pkg, file, name] of DOCS_ASSETS) {
  const dir = path.resolve(here, "node_modules", pkg);
  fs.copyFileSync(path.join(dir, file), path.join(out, name));
  docsPackages.set(pkg, dir);
}
// One change to ReDoc's bundle: its footer's logo ("API docs by Redocly") is an image on
// cdn.redoc.ly; an empty inline SVG takes its place, so the page asks nothing of a CDN.
const REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const redocPath = path.join(out, "redoc.standalone.js");
const redocText = fs.readFileSync(redocPath, "utf8");
if (!redocText.includes(REDOC_LOGO)) throw new Error("ReDoc's logo URL moved: check the bundle for CDN requests");
fs.writeFileSync(redocPath, redocText.split(REDOC_LOGO).join("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"));

// The licences of the bundled packages.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//);
  if (m) packages.set(m[2], path.resolve(here, m[1]));
}
// and their own dependencies (a package's dist may inline them: dagre inlines graphlib)
const pending = [...packages.keys()];
while (pending.length) {
  const name = pending.pop();
  const meta = JSON.parse(fs.readFileSync(path.join(packages.get(name), "package.json"), "utf8"));
  for (const dep of Object.keys(meta.dependencies ?? {})) {
    if (packages.has(dep)) continue;
    packages.set(dep, path.resolve(here, "node_modules", dep));
    pending.push(dep);
  }
}
let text = "Third-party software bundled into app.js, and the API documentation's Swagger UI and ReDoc\n" +
  "(swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js), from the npm registry, with their licences.\n";
for (const [name, dir] of docsPackages) packages.set(name, dir);
for (const [name, dir] of [...packages].sort()) {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const file = fs.readdirSync(dir).find((f) => /^(licen[sc]e|copying)/i.test(f));
  if (!file) throw new Error(`no licence file in ${dir}`);
  text += `\n${"=".repeat(78)}\n${name} ${meta.version} (${meta.license})\n${"=".repeat(78)}\n\n`;
  text += fs.readFileSync(path.join(dir, file), "utf8").trim() + "\n";
}
fs.writeFileSync(path.join(out, "LICENSES.txt"), text);
console.log(`bundled packages: ${[...packages.keys()].join(", ") || "none"}`);
