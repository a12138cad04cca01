//! The rules of the house (ARCHITECTURE.md), checked on the sources themselves so that the
//! map cannot drift from the code: no file under src/ over 500 lines, no function over 80,
//! and no circle of imports between files — which also forbids a folder's child importing
//! the mod.rs that declares it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

const MAX_FILE_LINES: usize = 500;
const MAX_FN_LINES: usize = 80;

/// A test module in a file of its own (`tests.rs`, `…_tests.rs`, under `tests/`): it may
/// import what it tests.
fn is_test(path: &Path) -> bool {
    let name = path.file_stem().unwrap_or_default().to_string_lossy();
    name == "tests" || name.ends_with("_tests") || path.iter().any(|p| p == "tests")
}

/// Every .rs file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap();
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn no_file_under_src_passes_500_lines() {
    let long: Vec<String> = sources(Path::new("src"))
        .into_iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(&p).unwrap().lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{}: {lines} lines", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these in two:\n{}", long.join("\n"));
}

/// Functions longer than the rule, with where they start.
#[derive(Default)]
struct LongFns {
    found: Vec<(String, usize, usize)>,
}

impl LongFns {
    fn check(&mut self, name: &syn::Ident, start: proc_macro2::Span, end: proc_macro2::Span) {
        let (first, last) = (start.start().line, end.end().line);
        let lines = last + 1 - first;
        if lines > MAX_FN_LINES {
            self.found.push((name.to_string(), first, lines));
        }
    }
}

impl<'ast> Visit<'ast> for LongFns {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let close = f.block.brace_token.span.close();
        self.check(&f.sig.ident, f.sig.fn_token.span, close);
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let close = f.block.brace_token.span.close();
        self.check(&f.sig.ident, f.sig.fn_token.span, close);
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.check(
                &f.sig.ident,
                f.sig.fn_token.span,
                block.brace_token.span.close(),
            );
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

#[test]
fn no_function_under_src_passes_80_lines() {
    let mut long = Vec::new();
    for path in sources(Path::new("src")) {
        let mut visitor = LongFns::default();
        visitor.visit_file(&parse(&path));
        for (name, line, lines) in visitor.found {
            long.push(format!(
                "{}:{line}: fn {name}, {lines} lines",
                path.display()
            ));
        }
    }
    assert!(
        long.is_empty(),
        "make these two things:\n{}",
        long.join("\n")
    );
}

/// The module path of a source file: src/store/forms/mod.rs is ["store", "forms"].
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix("src").unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The `use` paths of a file (crate::…, super::…, self::…), each as segments, made
/// absolute from `module`, the file's own module path.
fn imports(file: &syn::File, module: &[String]) -> Vec<Vec<String>> {
    fn walk(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(&p.tree, prefix, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut full = prefix.clone();
                full.push(n.ident.to_string());
                out.push(full);
            }
            syn::UseTree::Rename(r) => {
                let mut full = prefix.clone();
                full.push(r.ident.to_string());
                out.push(full);
            }
            syn::UseTree::Glob(_) => out.push(prefix.clone()),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(t, prefix, out);
                }
            }
        }
    }
    #[derive(Default)]
    struct Uses(Vec<syn::UseTree>);
    impl<'ast> Visit<'ast> for Uses {
        fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
            self.0.push(u.tree.clone());
        }
        // Tests may import what they test.
        fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
            let test = m.attrs.iter().any(|a| a.path().is_ident("cfg"));
            if !test {
                syn::visit::visit_item_mod(self, m);
            }
        }
    }
    let mut uses = Uses::default();
    uses.visit_file(file);
    let mut raw = Vec::new();
    for tree in &uses.0 {
        walk(tree, &mut Vec::new(), &mut raw);
    }
    // `super` is the module above: the folder of a.rs, the parent of a folder's mod.rs.
    let above: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
    raw.into_iter()
        .filter_map(|path| match path.first().map(String::as_str) {
            Some("crate") => Some(path[1..].to_vec()),
            Some("super") => {
                let mut base = above.clone();
                let mut rest = path[1..].to_vec();
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop();
                    rest.remove(0);
                }
                base.extend(rest);
                Some(base)
            }
            Some("self") => {
                let mut base = module.to_vec();
                base.extend(path[1..].iter().cloned());
                Some(base)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn no_circle_of_imports_between_files() {
    let files: Vec<PathBuf> = sources(Path::new("src"))
        .into_iter()
        .filter(|p| !is_test(p))
        .collect();
    let by_module: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|p| (module_of(p), p.clone())).collect();
    // The file a path lands in: the longest prefix that is a file of its own.
    let file_of = |path: &[String]| -> Option<&PathBuf> {
        (0..=path.len())
            .rev()
            .find_map(|n| by_module.get(&path[..n]))
    };
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for path in &files {
        let is_mod = path.file_name().is_some_and(|n| n == "mod.rs");
        let module = module_of(path);
        let targets = edges.entry(path.clone()).or_default();
        for import in imports(&parse(path), &module) {
            match file_of(&import) {
                Some(to) if to == path => {}
                Some(to) => drop(targets.insert(to.clone())),
                None => {}
            }
        }
        // A mod.rs calls the children it declares.
        if is_mod {
            for child in files.iter().filter(|f| {
                let m = module_of(f);
                m.len() == module.len() + 1 && m.starts_with(&module)
            }) {
                targets.insert(child.clone());
            }
        }
    }
    let circles = circles(&edges);
    assert!(
        circles.is_empty(),
        "what files share goes in a sibling they import, never back up:\n{}",
        circles.join("\n")
    );
}

/// Each circle found, as "a → b → a".
fn circles(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<String> {
    fn visit(
        node: &PathBuf,
        edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        stack: &mut Vec<PathBuf>,
        done: &mut BTreeSet<PathBuf>,
        out: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut names: Vec<String> = stack[at..]
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            names.push(node.display().to_string());
            out.push(names.join(" → "));
            return;
        }
        if !done.insert(node.clone()) {
            return;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, out);
        }
        stack.pop();
    }
    let (mut done, mut out) = (BTreeSet::new(), Vec::new());
    for node in edges.keys() {
        visit(node, edges, &mut Vec::new(), &mut done, &mut out);
    }
    out
}
