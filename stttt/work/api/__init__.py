"""API of the work app (`/api/v1/work/...`): tasks, briefing, meetings, reports upward, district reports,
Council questions and coordination, one module per topic. Every list starts from what the user may see
(their agency's records); writes go through services; errors come out in the shared format."""

from __future__ import annotations

from typing import Any

from stttt.work.api.districts import DistrictReportViewSet, DistrictRequestViewSet
from stttt.work.api.questions import CoordinationViewSet, QuestionViewSet
from stttt.work.api.reports import ReportTypeViewSet, ReportViewSet
from stttt.work.api.tasks import BriefingViewSet, MeetingViewSet, TaskViewSet


def register(router: Any) -> None:
    router.register("work/tasks", TaskViewSet, basename="work-task")
    router.register("work/briefing", BriefingViewSet, basename="work-briefing")
    router.register("work/meetings", MeetingViewSet, basename="work-meeting")
    router.register("work/report-types", ReportTypeViewSet, basename="work-report-type")
    router.register("work/reports", ReportViewSet, basename="work-report")
    router.register("work/district-requests", DistrictRequestViewSet, basename="work-district-request")
    router.register("work/district-reports", DistrictReportViewSet, basename="work-district-report")
    router.register("work/questions", QuestionViewSet, basename="work-question")
    router.register("work/coordination", CoordinationViewSet, basename="work-coordination")
