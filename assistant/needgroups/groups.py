"""Grouping operations on a sample (create, rename, merge, split, place...), each undoable."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError
from assistant.needgroups.themes import Themes, load_themes

if TYPE_CHECKING:
    from assistant.auditstore import AuditStore

# --- grouping operations with undo ------------------------------------------------------


class GroupError(UserError, ValueError):
    """A grouping operation that cannot be done (unknown group, empty name...): one line
    and exit status 1 on the command line, a message in the shuffle."""


_CHUNK = 900


class Shuffle:
    """The audit group's shuffle of one sample: every change can be undone.

    Each operation stores, in the same transaction, the rows it is about to change (groups
    as they were, or absent; each moved need's previous group), so undo restores exactly
    that state.
    """

    def __init__(self, audit: AuditStore, sample_id: int) -> None:
        self.audit = audit
        self.db = audit.db
        self.sample_id = sample_id

    # --- reading ------------------------------------------------------------------------

    def group(self, group_id: int) -> dict[str, Any]:
        row = self._row("audit_groups", group_id)
        if row is None or row["sample_id"] != self.sample_id:
            raise GroupError(f"there is no group {group_id} in this sample")
        return row

    def _row(self, table: str, row_id: int) -> dict[str, Any] | None:
        cursor = self.db.execute(f"select * from {table} where id = ?", [row_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def group_by_number(self, number: int) -> dict[str, Any]:
        """The group shown as ``number`` (the one numbering: the order groups were made)."""
        groups = self.audit.groups(self.sample_id)
        if not 1 <= number <= len(groups):
            raise GroupError(f"there is no group {number} in this sample")
        return groups[number - 1]

    def _need_groups(self, need_ids: Iterable[int]) -> dict[int, int | None]:
        ids = list(need_ids)
        out: dict[int, int | None] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(
                f"select id, group_id from audit_needs where sample_id = ? and id in ({marks})",
                [self.sample_id, *chunk]).fetchall())
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
        clash = self.db.execute(
            "select id from audit_groups where sample_id = ? and lower(name) = lower(?)"
            " and id != ?", [self.sample_id, name, except_id or 0]).fetchone()
        if clash:
            raise GroupError(f"there is already a group called '{name}'")
        return name

    # --- recording ----------------------------------------------------------------------

    def _record(self, label: str, groups: dict[int, dict[str, Any] | None],
                needs: dict[int, int | None],
                rows: dict[str, dict[int, dict[str, Any] | None]] | None = None) -> None:
        """Keep what an operation is about to change, for undo; a new change ends redo."""
        from assistant.model import now

        before = {"groups": {str(k): v for k, v in groups.items()},
                  "needs": [[k, v] for k, v in needs.items()],
                  "rows": {t: {str(k): v for k, v in r.items()} for t, r in (rows or {}).items()}}
        self.db.table("audit_undo").insert({"sample_id": self.sample_id, "label": label,
                                      "before": json.dumps(before), "at": now().isoformat()})
        self.db.execute("delete from audit_redo where sample_id = ?", [self.sample_id])

    def _snapshot(self, like: dict[str, Any]) -> dict[str, Any]:
        """The current state of the same groups, need placements and rows as ``like``."""
        groups = {key: self._row("audit_groups", int(key)) for key in like["groups"]}
        needs = []
        for need_id, _ in like["needs"]:
            row = self.db.execute("select group_id from audit_needs where id = ?",
                                  [need_id]).fetchone()
            needs.append([need_id, row[0] if row else None])
        rows = {table: {key: self._row(table, int(key)) for key in keyed}
                for table, keyed in like.get("rows", {}).items()}
        return {"groups": groups, "needs": needs, "rows": rows}

    def _restore(self, state: dict[str, Any]) -> None:
        """Put groups, need placements and whole rows back as ``state`` has them."""
        rows = state.get("rows", {})
        # whole rows first (a removed form and its needs), parents before children
        for table in ("audit_forms", "audit_needs"):
            for row in rows.get(table, {}).values():
                if row is not None:
                    self.db.table(table).upsert(row, pk="id")
        absent = []
        for key, group in state["groups"].items():
            if group is None:
                absent.append(int(key))
            else:
                self.db.table("audit_groups").upsert(group, pk="id")
        for need_id, group_id in state["needs"]:
            self.db.execute("update audit_needs set group_id = ? where id = ?",
                            [group_id, need_id])
        for group_id in absent:
            self.db.execute("update audit_needs set group_id = null where group_id = ?",
                            [group_id])
            self.db.execute("delete from audit_groups where id = ?", [group_id])
        for table in ("audit_needs", "audit_forms"):
            for key, row in rows.get(table, {}).items():
                if row is None:
                    self.db.execute(f"delete from {table} where id = ?", [int(key)])

    def _move(self, need_ids: Iterable[int], group_id: int | None) -> None:
        ids = list(need_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"update audit_needs set group_id = ? where id in ({marks})",
                            [group_id, *chunk])

    def _insert_group(self, name: str, description: str = "", notes: str = "",
                      theme: str | None = None) -> int:
        from assistant.auditstore import _new_id
        from assistant.model import now

        return _new_id(self.db.table("audit_groups").insert({
            "sample_id": self.sample_id, "name": name, "description": description,
            "notes": notes, "theme": theme, "created_at": now().isoformat()}).last_pk)

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
            self.db.table("audit_groups").update(group_id, {"name": name})
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
                self.db.table("audit_groups").update(group_id, change)
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
        ids = [r[0] for r in self.db.execute(
            "select id from audit_needs where form_id = ? and sample_id = ?",
            [form_id, self.sample_id]).fetchall()]
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
                moved.update(self.db.execute(
                    "select id, group_id from audit_needs where group_id = ?", [s]).fetchall())
            kept = [target["notes"] or ""]
            for old in olds.values():
                text = " ".join(x for x in (old["description"], old["notes"]) if x)
                if text:
                    kept.append(f"From '{old['name']}': {text}")
            self._move(moved, target_id)
            self.db.table("audit_groups").update(
                target_id, {"notes": "\n".join(k for k in kept if k)})
            for s in sources:
                self.db.execute("delete from audit_groups where id = ?", [s])
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
            moved = dict(self.db.execute(
                "select id, group_id from audit_needs where group_id = ?", [group_id]).fetchall())
            self._move(moved, None)
            self.db.execute("delete from audit_groups where id = ?", [group_id])
            self._record(f"delete group '{old['name']}'", {group_id: old}, moved)

    def accept(self, need_ids: Iterable[int] | None = None, themes: Themes | None = None) -> int:
        """Place needs in the group of their suggested theme (made if missing).

        With no ``need_ids``, every unsorted need that has a suggestion. Needs without a
        suggestion stay unsorted. One undo step.
        """
        themes = themes or load_themes()
        with self.audit.write():
            sql = "select id, theme, group_id from audit_needs where sample_id = ? and " \
                  "theme is not null"
            rows = self.db.execute(
                sql + ("" if need_ids is not None else " and group_id is null"),
                [self.sample_id]).fetchall()
            if need_ids is not None:
                wanted = set(need_ids)
                rows = [r for r in rows if r[0] in wanted]
            by_theme = {t: g for g, t in self.db.execute(
                "select id, theme from audit_groups where sample_id = ? and theme is not null "
                "order by id desc", [self.sample_id]).fetchall()}
            created: dict[int, dict[str, Any] | None] = {}
            before: dict[int, int | None] = {}
            targets: dict[int, list[int]] = defaultdict(list)
            for need_id, theme_id, group_id in rows:
                if theme_id not in by_theme:
                    theme = themes.get(theme_id)
                    label = theme.label if theme else theme_id
                    same = self.db.execute(
                        "select id from audit_groups where sample_id = ? and "
                        "lower(name) = lower(?)", [self.sample_id, label]).fetchone()
                    if same:  # the audit group made it by hand: join it, never "(2)"
                        by_theme[theme_id] = same[0]
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
        from assistant.model import now

        with self.audit.write():
            row = self.db.execute(
                "select id, label, before from audit_undo where sample_id = ? "
                "order by id desc limit 1", [self.sample_id]).fetchone()
            if row is None:
                return None
            undo_id, label, before_text = row
            before = json.loads(before_text)
            after = self._snapshot(before)
            self._restore(before)
            self.db.execute("delete from audit_undo where id = ?", [undo_id])
            self.db.table("audit_redo").insert({"sample_id": self.sample_id, "label": label,
                                          "after": json.dumps(after), "at": now().isoformat()})
        return str(label)

    def redo(self) -> str | None:
        """Make again the latest change undone; returns what was redone, or None."""
        from assistant.model import now

        with self.audit.write():
            row = self.db.execute(
                "select id, label, after from audit_redo where sample_id = ? "
                "order by id desc limit 1", [self.sample_id]).fetchone()
            if row is None:
                return None
            redo_id, label, after_text = row
            after = json.loads(after_text)
            before = self._snapshot(after)
            self._restore(after)
            self.db.execute("delete from audit_redo where id = ?", [redo_id])
            self.db.table("audit_undo").insert({"sample_id": self.sample_id, "label": label,
                                          "before": json.dumps(before),
                                          "at": now().isoformat()})
        return str(label)

    def redo_history(self) -> list[str]:
        """What redo would make again, latest first."""
        return [r[0] for r in self.db.execute(
            "select label from audit_redo where sample_id = ? order by id desc",
            [self.sample_id]).fetchall()]

    def set_parking(self, group_id: int, parking: bool) -> None:
        """Mark a group "not a Need Group" (a place for needs to discuss), or a Need Group
        again: parked groups stay in the shuffle and are left out of the report's groups."""
        with self.audit.write():
            old = self.group(group_id)
            self.db.table("audit_groups").update(group_id, {"parking": int(parking)})
            verb = "mark" if parking else "unmark"
            self._record(f"{verb} '{old['name']}' as not a Need Group", {group_id: old}, {})

    def remove_form(self, form_id: int) -> str:
        """Take a form (and its needs) out of the sample; undo puts it back as it was."""
        with self.audit.write():
            form = self._row("audit_forms", form_id)
            if form is None or form["sample_id"] != self.sample_id:
                raise GroupError(f"there is no form {form_id} in this sample")
            need_ids = [r[0] for r in self.db.execute(
                "select id from audit_needs where form_id = ?", [form_id]).fetchall()]
            rows: dict[str, dict[int, dict[str, Any] | None]] = {
                "audit_forms": {form_id: form},
                "audit_needs": {i: self._row("audit_needs", i) for i in need_ids}}
            self.db.execute("delete from audit_needs where form_id = ?", [form_id])
            self.db.execute("delete from audit_forms where id = ?", [form_id])
            label = f"remove the form of case {form['case_reference']}"
            self._record(label, {}, {}, rows)
        return label

    def history(self) -> list[str]:
        """What undo would reverse, latest first."""
        return [r[0] for r in self.db.execute(
            "select label from audit_undo where sample_id = ? order by id desc",
            [self.sample_id]).fetchall()]


