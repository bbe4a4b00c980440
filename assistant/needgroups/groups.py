"""Grouping operations on a sample (create, rename, merge, split, place...), each undoable."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError
from assistant.needgroups.themes import Themes

if TYPE_CHECKING:
    from assistant.audit.repository import AuditStore

# --- grouping operations with undo ------------------------------------------------------


class GroupError(UserError, ValueError):
    """A grouping operation that cannot be done (unknown group, empty name...): one line
    and exit status 1 on the command line, a message in the shuffle."""


class Shuffle:
    """The audit group's shuffle of one sample: every change can be undone.

    Each operation stores, in the same transaction, the rows it is about to change (groups
    as they were, or absent; each moved need's previous group), so undo restores exactly
    that state. What is allowed, and what undo records, is decided here; the rows are read
    and written by the :class:`~assistant.audit.repository.AuditStore`, which holds every
    audit SQL statement.
    """

    def __init__(self, audit: AuditStore, sample_id: int) -> None:
        self.audit = audit
        self.sample_id = sample_id

    # --- reading ------------------------------------------------------------------------

    def group(self, group_id: int) -> dict[str, Any]:
        row = self.audit.row("audit_groups", group_id)
        if row is None or row["sample_id"] != self.sample_id:
            raise GroupError(f"there is no group {group_id} in this sample")
        return row

    def group_by_number(self, number: int) -> dict[str, Any]:
        """The group shown as ``number`` (the one numbering: the order groups were made)."""
        groups = self.audit.groups(self.sample_id)
        if not 1 <= number <= len(groups):
            raise GroupError(f"there is no group {number} in this sample")
        return groups[number - 1]

    def _need_groups(self, need_ids: Iterable[int]) -> dict[int, int | None]:
        ids = list(need_ids)
        out = self.audit.need_groups(self.sample_id, ids)
        missing = set(ids) - set(out)
        if missing:
            raise GroupError(f"need(s) {', '.join(map(str, sorted(missing)))} "
                             "are not in this sample")
        return out

    def _check_name(self, name: str, except_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise GroupError("a group needs a name")
        if len(name) > 80:
            raise GroupError("a group name can be at most 80 characters")
        if self.audit.group_named(self.sample_id, name, except_id) is not None:
            raise GroupError(f"there is already a group called '{name}'")
        return name

    # --- recording ----------------------------------------------------------------------

    def _record(self, label: str, groups: dict[int, dict[str, Any] | None],
                needs: dict[int, int | None],
                rows: dict[str, dict[int, dict[str, Any] | None]] | None = None) -> None:
        """Keep what an operation is about to change, for undo; a new change ends redo."""
        before = {"groups": {str(k): v for k, v in groups.items()},
                  "needs": [[k, v] for k, v in needs.items()],
                  "rows": {t: {str(k): v for k, v in r.items()} for t, r in (rows or {}).items()}}
        self.audit.push_step("undo", self.sample_id, label, before)
        self.audit.clear_redo(self.sample_id)

    def _snapshot(self, like: dict[str, Any]) -> dict[str, Any]:
        """The current state of the same groups, need placements and rows as ``like``."""
        groups = {key: self.audit.row("audit_groups", int(key)) for key in like["groups"]}
        needs = [[need_id, self.audit.need_group(need_id)] for need_id, _ in like["needs"]]
        rows = {table: {key: self.audit.row(table, int(key)) for key in keyed}
                for table, keyed in like.get("rows", {}).items()}
        return {"groups": groups, "needs": needs, "rows": rows}

    def _move(self, need_ids: Iterable[int], group_id: int | None) -> None:
        self.audit.move_needs(need_ids, group_id)

    def _insert_group(self, name: str, description: str = "", notes: str = "",
                      theme: str | None = None) -> int:
        return self.audit.insert_group(self.sample_id, name, description, notes, theme)

    # --- operations ---------------------------------------------------------------------

    def create(self, name: str, description: str = "", notes: str = "",
               theme: str | None = None) -> int:
        from assistant.textsafe import clean_text

        with self.audit.write():
            name = self._check_name(clean_text(name))
            group_id = self._insert_group(name, clean_text(description), clean_text(notes),
                                          theme)
            self._record(f"create group '{name}'", {group_id: None}, {})
        return group_id

    def rename(self, group_id: int, name: str) -> None:
        from assistant.textsafe import clean_text

        with self.audit.write():
            old = self.group(group_id)
            name = self._check_name(clean_text(name), except_id=group_id)
            self.audit.update_group(group_id, {"name": name})
            self._record(f"rename '{old['name']}' to '{name}'", {group_id: old}, {})

    def describe(self, group_id: int, description: str | None = None,
                 notes: str | None = None) -> None:
        """Write the group's agreed description and its notes."""
        from assistant.textsafe import clean_text

        with self.audit.write():
            old = self.group(group_id)
            change = {}
            if description is not None:
                change["description"] = clean_text(description).strip()
            if notes is not None:
                change["notes"] = clean_text(notes).strip()
            if change:
                self.audit.update_group(group_id, change)
                self._record(f"describe '{old['name']}'", {group_id: old}, {})

    def place(self, need_ids: Iterable[int], group_id: int | None) -> int:
        """Put needs in a group (``None``: back to unsorted). Returns how many moved."""
        with self.audit.write():
            label = "unsorted"
            if group_id is not None:
                label = f"'{self.group(group_id)['name']}'"
            before = {k: v for k, v in self._need_groups(need_ids).items() if v != group_id}
            if not before:
                return 0
            self._move(before, group_id)
            self._record(f"place {len(before)} need(s) in {label}", {}, before)
        return len(before)

    def place_form(self, form_id: int, group_id: int | None) -> int:
        """Put every need of one form in a group."""
        ids = self.audit.need_ids_of_form(form_id, self.sample_id)
        if not ids:
            raise GroupError(f"form {form_id} has no needs in this sample")
        return self.place(ids, group_id)

    def merge(self, source_ids: Sequence[int], target_id: int) -> None:
        """Move the needs of ``source_ids`` into ``target_id`` and remove the sources.

        The sources' descriptions and notes are kept in the target's notes, so no agreed
        wording is lost.
        """
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        if not sources:
            raise GroupError("choose at least one other group to merge")
        with self.audit.write():
            target = self.group(target_id)
            olds = {s: self.group(s) for s in sources}
            moved: dict[int, int | None] = {}
            for s in sources:
                moved.update(self.audit.needs_in_group(s))
            kept = [target["notes"] or ""]
            for old in olds.values():
                text = " ".join(x for x in (old["description"], old["notes"]) if x)
                if text:
                    kept.append(f"From '{old['name']}': {text}")
            self._move(moved, target_id)
            self.audit.update_group(target_id, {"notes": "\n".join(k for k in kept if k)})
            for s in sources:
                self.audit.delete_group(s)
            names = ", ".join(f"'{o['name']}'" for o in olds.values())
            self._record(f"merge {names} into '{target['name']}'",
                         {target_id: target, **olds}, moved)

    def split(self, group_id: int, need_ids: Iterable[int], name: str) -> int:
        """Move some of a group's needs into a new group called ``name``."""
        from assistant.textsafe import clean_text

        ids = list(dict.fromkeys(need_ids))
        with self.audit.write():
            old = self.group(group_id)
            current = self._need_groups(ids)
            strays = [n for n, g in current.items() if g != group_id]
            if strays:
                raise GroupError(f"need(s) {', '.join(map(str, strays))} are not in "
                                 f"'{old['name']}'")
            if not ids:
                raise GroupError("choose the needs to split off")
            name = self._check_name(clean_text(name))
            new_id = self._insert_group(name, theme=old["theme"])
            self._move(ids, new_id)
            self._record(f"split {len(ids)} need(s) from '{old['name']}' into '{name}'",
                         {new_id: None}, current)
        return new_id

    def delete(self, group_id: int) -> None:
        """Remove a group; its needs go back to unsorted."""
        with self.audit.write():
            old = self.group(group_id)
            moved = self.audit.needs_in_group(group_id)
            self._move(moved, None)
            self.audit.delete_group(group_id)
            self._record(f"delete group '{old['name']}'", {group_id: old}, moved)

    def accept(self, need_ids: Iterable[int] | None = None, *, themes: Themes) -> int:
        """Place needs in the group of their suggested theme (made if missing).

        With no ``need_ids``, every unsorted need that has a suggestion. Needs without a
        suggestion stay unsorted. ``themes`` are the content's (they name each group).
        One undo step.
        """
        with self.audit.write():
            rows = self.audit.suggested_needs(self.sample_id, unsorted_only=need_ids is None)
            if need_ids is not None:
                wanted = set(need_ids)
                rows = [r for r in rows if r[0] in wanted]
            by_theme = self.audit.theme_groups(self.sample_id)
            created: dict[int, dict[str, Any] | None] = {}
            before: dict[int, int | None] = {}
            targets: dict[int, list[int]] = defaultdict(list)
            for need_id, theme_id, group_id in rows:
                if theme_id not in by_theme:
                    theme = themes.get(theme_id)
                    label = theme.label if theme else theme_id
                    same = self.audit.group_named(self.sample_id, label)
                    if same is not None:  # the audit group made it by hand: join it, not "(2)"
                        by_theme[theme_id] = same
                    else:
                        new_id = self._insert_group(label, theme.description if theme else "",
                                                    theme=theme_id)
                        by_theme[theme_id] = new_id
                        created[new_id] = None
                if group_id != by_theme[theme_id]:
                    before[need_id] = group_id
                    targets[by_theme[theme_id]].append(need_id)
            for group_id, ids in targets.items():
                self._move(ids, group_id)
            if before or created:
                self._record(f"accept {len(before)} suggestion(s)", created, before)
        return len(before)

    def undo(self) -> str | None:
        """Reverse the latest operation; returns what was undone, or None if nothing.
        What it reverses can be redone (until a new change is made)."""
        return self._step("undo", "redo")

    def redo(self) -> str | None:
        """Make again the latest change undone; returns what was redone, or None."""
        return self._step("redo", "undo")

    def _step(self, kind: str, opposite: str) -> str | None:
        """Take the latest ``kind`` step, put its state back, and keep the state it
        replaced as an ``opposite`` step: undo and redo are one operation, mirrored."""
        with self.audit.write():
            step = self.audit.last_step(kind, self.sample_id)
            if step is None:
                return None
            step_id, label, state = step
            current = self._snapshot(state)
            self.audit.restore_rows(state)
            self.audit.drop_step(kind, step_id)
            self.audit.push_step(opposite, self.sample_id, label, current)
        return label

    def redo_history(self) -> list[str]:
        """What redo would make again, latest first."""
        return self.audit.step_labels("redo", self.sample_id)

    def set_parking(self, group_id: int, parking: bool) -> None:
        """Mark a group "not a Need Group" (a place for needs to discuss), or a Need Group
        again: parked groups stay in the shuffle and are left out of the report's groups."""
        with self.audit.write():
            old = self.group(group_id)
            self.audit.update_group(group_id, {"parking": int(parking)})
            verb = "mark" if parking else "unmark"
            self._record(f"{verb} '{old['name']}' as not a Need Group", {group_id: old}, {})

    def remove_form(self, form_id: int) -> str:
        """Take a form (and its needs) out of the sample; undo puts it back as it was."""
        with self.audit.write():
            form = self.audit.row("audit_forms", form_id)
            if form is None or form["sample_id"] != self.sample_id:
                raise GroupError(f"there is no form {form_id} in this sample")
            need_ids = self.audit.need_ids_of_form(form_id)
            rows: dict[str, dict[int, dict[str, Any] | None]] = {
                "audit_forms": {form_id: form},
                "audit_needs": {i: self.audit.row("audit_needs", i) for i in need_ids}}
            self.audit.delete_form_rows(form_id)
            label = f"remove the form of case {form['case_reference']}"
            self._record(label, {}, {}, rows)
        return label

    def history(self) -> list[str]:
        """What undo would reverse, latest first."""
        return self.audit.step_labels("undo", self.sample_id)


