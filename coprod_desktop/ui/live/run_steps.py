"""The run view's steps: start, move between items, pause, add time, end and reopen (each
asked first where a slip would hurt), and the shortcuts' own actions."""

from __future__ import annotations

from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import _, ngettext
from coprod_desktop.storage import ArchiveError
from coprod_desktop.ui.commands import report_failure
from coprod_desktop.ui.live.screen_menu import choose_screen
from coprod_desktop.ui.undo_history import session_document


class RunSteps:
    """Part of RunView: what its buttons and keys do to the session."""

    def _new_decision(self) -> None:
        self.tools.setCurrentWidget(self.decide)
        self.decide.new_decision()

    def choose_room_screen(self) -> None:
        """With several screens, ask which one the projector is; otherwise just open it."""
        choose_screen(self.room_button, self.roomViewRequested.emit)

    def _forget_planning_undo(self) -> None:
        """Timing is not on the undo stack, so planning steps from before the session went live
        would undo against items that have run since (Ctrl+Z pressed once too often in the room
        could remove the item running now). The session's undo history starts afresh."""
        self.undoable.stack.forget(session_document(self.session.id))

    def start(self) -> None:
        if self.session and self._live(self.runner.start):
            self._forget_planning_undo()
            owed = self.since.owed_count()
            if owed:  # start with what is owed to the group: you said, we did
                self.tools.setCurrentWidget(self.since)
                words = ngettext(
                    "The session is live. {n} thing to report back on from earlier sessions.",
                    "The session is live. {n} things to report back on from earlier sessions.",
                    owed,
                )
                self.undoable.hub.notice.emit(words.format(n=owed))
            else:
                self.undoable.hub.notice.emit(_("The session is live. Everything captured is saved as you go."))
            self.capture.focus_capture()

    def reopen(self) -> None:
        from coprod_desktop.ui.dialogs.simple import Confirm

        if not self.session or not Confirm.ask(
            self,
            _("Reopen session"),
            _(
                "Reopen “{title}”? It becomes live again: its timer runs on, and what is "
                "said and drawn is added to its record."
            ).format(title=self.session.title),
            yes=_("Reopen session"),
        ):
            return
        if self._live(self.runner.reopen):
            self._forget_planning_undo()
            self.undoable.hub.notice.emit(_("The session is live again; the reopening is recorded."))

    def end(self) -> None:
        from coprod_desktop.ui.dialogs.simple import Confirm

        if self.session and Confirm.ask(
            self, _("End session"), _("End the session now? You can reopen it later."), yes=_("End session")
        ):
            if self._live(self.runner.end):
                self.tools.setCurrentWidget(self.self_check)  # close with the self-check
                self.undoable.hub.notice.emit(
                    _("Session ended. Take the self-check with the group before people leave.")
                )

    def step(self, offset: int) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            if not self._live(self.runner.step, offset):
                self.undoable.hub.notice.emit(
                    _("That was the last item.") if offset > 0 else _("That was the first item.")
                )

    def go_to(self, item_id: str) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            self._live(self.runner.go_to, item_id)

    def toggle_pause(self) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            self._live(self.runner.toggle_pause)

    def extend(self) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            self._live(self.runner.extend)

    def _live(self, step, *args) -> bool:
        """Run one live step and send its one notice; failures are shown, not raised."""
        try:
            change = step(self.session.id, *args)
        except (ArchiveError, ValueError) as error:
            report_failure(self.undoable.hub, error)
            return False
        if change is None:
            return False
        self.undoable.hub.announce(change.from_(self))
        return True
