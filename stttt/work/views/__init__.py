"""Pages of the work app, one module per topic. No rules here: selectors read (the user's agency only),
services decide and write, the workflow tables say which actions a page offers."""

from stttt.work.views.briefing import (
    briefing,
    briefing_file,
    conclusion_to_task,
    meeting_create,
    meeting_detail,
    programme_file,
)
from stttt.work.views.dashboards import index, leadership, unit
from stttt.work.views.districts import (
    district_remind,
    district_report,
    district_report_return,
    district_request_create,
    district_request_detail,
    district_request_xlsx,
    district_requests,
)
from stttt.work.views.questions import coordination_detail, coordinations, question_detail, questions
from stttt.work.views.reports import report_action, report_detail, report_file, reports
from stttt.work.views.tasks import (
    attachment,
    task_cancel,
    task_complete,
    task_create,
    task_detail,
    task_progress,
    tasks,
)

__all__ = [
    "attachment",
    "briefing",
    "briefing_file",
    "conclusion_to_task",
    "coordination_detail",
    "coordinations",
    "district_remind",
    "district_report",
    "district_report_return",
    "district_request_create",
    "district_request_detail",
    "district_request_xlsx",
    "district_requests",
    "index",
    "leadership",
    "meeting_create",
    "meeting_detail",
    "programme_file",
    "question_detail",
    "questions",
    "report_action",
    "report_detail",
    "report_file",
    "reports",
    "task_cancel",
    "task_complete",
    "task_create",
    "task_detail",
    "task_progress",
    "tasks",
    "unit",
]
