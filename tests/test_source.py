"""Checks on the package's own source that no behaviour test would notice.

Two branches merged cleanly can each define a module-level name of the same spelling:
the later definition then silently replaces the earlier one, with every test of the
later branch still passing (this happened to a vocative pattern in `_dialogue`). So no
module may bind a name twice at its top level."""

import ast
import pathlib

import quoteattr

PACKAGE = pathlib.Path(quoteattr.__file__).resolve().parent


def _top_level_bindings(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.name, node.lineno
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    yield target.id, node.lineno
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            yield node.target.id, node.lineno


def test_no_module_binds_a_top_level_name_twice():
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen = {}
        for name, line in _top_level_bindings(ast.parse(path.read_text(encoding="utf-8"))):
            if name in seen:
                twice.append(f"{path.relative_to(PACKAGE)}: {name} (lines {seen[name]} and {line})")
            seen.setdefault(name, line)
    assert not twice, "names bound twice at module level:\n" + "\n".join(twice)


def test_the_check_sees_a_rebinding():
    found = list(_top_level_bindings(ast.parse("A = 1\ndef f(): pass\nA = 2\n")))
    assert [n for n, _ in found] == ["A", "f", "A"]
