// Runs the browser's search engine, search.js as the site serves it
// (joined from static/engine/), on an exported index under Node, for
// engine_test.go: a fake window, the page's scripts evaluated in a vm
// context, data files loaded on demand as a browser would.
//
// Usage: node run-engine.js <export dir> <search.js> <file of the languages>
// with a JSON array of requests on stdin; prints a JSON array of results,
// each with the names of the files the query loaded.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [dir, engine, languages] = process.argv.slice(2);
const ctx = { console };
ctx.window = ctx;
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(engine, "utf8"), ctx, { filename: engine });

let loaded = [];
ctx.protositeSearch.inject = (url, fail) => {
  loaded.push(url);
  let src;
  try {
    src = fs.readFileSync(path.join(dir, url), "utf8");
  } catch (e) {
    fail(e);
    return;
  }
  vm.runInContext(src, ctx, { filename: url });
};
vm.runInContext(fs.readFileSync(path.join(dir, languages), "utf8"), ctx, { filename: languages });

(async () => {
  const reqs = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = [];
  for (const r of reqs) {
    loaded = [];
    const res = await ctx.protositeSearch.search(r);
    out.push(Object.assign({}, JSON.parse(JSON.stringify(res)), { loaded }));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
