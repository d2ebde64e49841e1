"""The type stubs (claimtrail/_claimtrail.pyi) describe the module as built:
every function and method in them exists, with the same parameters, and has a
docstring."""

import ast
import inspect
import pathlib

import claimtrail
from claimtrail import _claimtrail

STUB = pathlib.Path(claimtrail.__file__).with_name("_claimtrail.pyi")


def stub_functions():
    """(owner, name, parameter names) of each def in the stub."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield _claimtrail, node
        elif isinstance(node, ast.ClassDef) and node.name == "Ledger":
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    yield _claimtrail.Ledger, item


def params(fn: ast.FunctionDef) -> list:
    args = fn.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    return [n for n in names if n not in ("self", "cls")]


def test_stubs_match_the_module():
    checked = 0
    for owner, fn in stub_functions():
        if fn.name in ("__enter__", "__exit__"):
            assert hasattr(owner, fn.name)
            continue
        runtime = getattr(owner, fn.name)
        if any(isinstance(d, ast.Name) and d.id == "property" for d in fn.decorator_list):
            assert runtime.__doc__, fn.name
            continue
        sig = inspect.signature(owner if fn.name == "__new__" else runtime)
        names = [n for n in sig.parameters if n not in ("self", "cls")]
        assert names == params(fn), (fn.name, names, params(fn))
        assert (runtime.__doc__ or "").strip() or fn.name == "__new__", fn.name
        checked += 1
    assert checked >= 9


def test_exported_names_are_in_the_stub():
    stub = STUB.read_text(encoding="utf-8")
    for name in _claimtrail.__all__:
        assert name in stub, name
        assert hasattr(claimtrail, name), name
