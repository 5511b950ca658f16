"""A griffe extension for the API reference: the docstrings' reST habits in Markdown.

The package's docstrings are Google style, but keep two habits of Sphinx that
Markdown does not know.  Before mkdocstrings renders them (the docstrings in the
source are left as they are):

* doctest examples (``>>>`` lines and their output, up to a blank line) are
  fenced as ``pycon`` code, so that their output is not read as Markdown;
* a role naming another object (``:class:`~conceptdiff.Comparison```,
  ``:func:`compare```) becomes a Markdown cross-reference
  (``[`Comparison`][conceptdiff.model.Comparison]``) when it names a public object
  of the package, which mkdocs-autorefs links to its entry in the reference (an
  entry that is missing fails the strict build).  An object without an entry of
  its own (an attribute described in its class's ``Attributes:`` section, a
  constant) is linked to the nearest entry that holds it; a role naming anything
  else (a private module, the standard library) becomes plain code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

DOCTEST = re.compile(r"^([ \t]*)>>> .*(?:\n(?![ \t]*$).*)*", re.M)
ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|exc|data|obj|const):`([^`]+)`")


def _private(path: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in path.split("."))


def _lookup(collection: griffe.ModulesCollection, path: str) -> griffe.Object | griffe.Alias | None:
    top, _, rest = path.partition(".")
    try:
        found = collection[top]
        return found[rest] if rest else found  # type: ignore[no-any-return]
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _target(obj: griffe.Object, name: str, collection: griffe.ModulesCollection) -> str | None:
    """The public dotted path of the package's object ``name`` names in ``obj``'s scope, or None."""
    name = name.lstrip(".")
    if name.endswith("()"):
        name = name[:-2]
    first, _, rest = name.partition(".")
    if first == obj.package.name:
        path = name
    else:
        try:
            path = obj.resolve(first) + (f".{rest}" if rest else "")
        except griffe.NameResolutionError:
            return None
    found = _lookup(collection, path)
    if found is None:
        return None
    paths = [found.path]
    try:
        paths.append(found.final_target.path if found.is_alias else found.path)  # type: ignore[union-attr]
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None  # an alias to something outside the package
    if not all(p.startswith(obj.package.name + ".") or p == obj.package.name for p in paths):
        return None
    public = next((p for p in paths if not _private(p)), None)
    if public is None:
        return None
    # An object without a docstring has no entry: link to the nearest object above that has one.
    target: griffe.Object | griffe.Alias | None = _lookup(collection, public)
    while target is not None and not target.is_module and not target.docstring:
        target = target.parent
    return target.path if target is not None else None


def _rewrite(obj: griffe.Object, collection: griffe.ModulesCollection) -> None:
    if obj.docstring is not None:

        def role(match: re.Match[str]) -> str:
            text = match.group(1)
            title, _, explicit = text.partition(" <")
            if explicit:
                target_name = explicit.rstrip(">")
            else:
                target_name, title = text, text
            shortened = target_name.startswith("~")
            target_name = target_name.lstrip("~")
            if shortened:
                title = target_name.rsplit(".", 1)[-1]
            elif not explicit:
                title = target_name
            path = _target(obj, target_name, collection)
            return f"[`{title}`][{path}]" if path else f"`{title}`"

        parts = []
        text, start = obj.docstring.value, 0
        for example in DOCTEST.finditer(text):
            parts.append(ROLE.sub(role, text[start : example.start()]))
            indent = example.group(1)
            parts.append(f"{indent}```pycon\n{example.group(0)}\n{indent}```")
            start = example.end()
        parts.append(ROLE.sub(role, text[start:]))
        obj.docstring.value = re.sub(r"::$", ":", "".join(parts), flags=re.M)
    for member in obj.members.values():
        if not member.is_alias:
            _rewrite(member, collection)  # type: ignore[arg-type]


class RestRoles(griffe.Extension):
    """Rewrites the reST roles and doctest examples of every docstring of a loaded package."""

    def __init__(self) -> None:
        super().__init__()
        self._done: set[str] = set()

    def _once(self, pkg: griffe.Module, loader: griffe.GriffeLoader) -> None:
        if pkg.path not in self._done:  # griffe < 1.14 calls on_package_loaded, later versions on_package
            self._done.add(pkg.path)
            _rewrite(pkg, loader.modules_collection)

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        self._once(pkg, loader)

    def on_package_loaded(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        self._once(pkg, loader)
