"""Jobs that run again do nothing twice: reminders go out once, and every delivered mail was
delivered once, however often the outbox schedule ran in the minutes of these tests."""

import time
from collections import Counter

from .test_2_mail import ADDRESS, registration_mails

# The workshop of test_2's registration moves to tomorrow evening (an organiser's change).
WORKSHOP_TOMORROW = """
import datetime
from django.utils import timezone
from pilots.models import Registration, WorkshopPage
workshop = Registration.objects.get(email="{address}").workshop
start = (timezone.localtime() + datetime.timedelta(days=1)).replace(hour=19, minute=0, second=0)
end = start + datetime.timedelta(hours=2)
WorkshopPage.objects.filter(pk=workshop.pk).update(starts_at=start, ends_at=end)
"""
REMINDER_SUBJECT = "Subject: Morgen:"
QUEUE_REMINDERS = "from django_q.tasks import async_task\nasync_task('pilots.workshops.jobs.send_reminders')"


def test_reminders_go_out_once(stack):
    stack.manage("shell", "-c", WORKSHOP_TOMORROW.format(address=ADDRESS))
    for _ in range(3):  # the hourly schedule, a retry and an operator: three runs in the worker
        stack.manage("shell", "-c", QUEUE_REMINDERS)

    def reminders():
        return [raw for raw in registration_mails(stack, ADDRESS) if REMINDER_SUBJECT in raw]

    stack.wait_for(reminders, "the reminder", 90)
    time.sleep(5)  # the other two runs have had their turn in the worker
    assert len(reminders()) == 1


def test_every_mail_was_delivered_once(stack):
    messages = Counter()
    for _recipients, raw in stack.mails():
        message_id = next(line for line in raw.splitlines() if line.lower().startswith("message-id:"))
        messages[message_id] += 1
    assert messages and max(messages.values()) == 1, messages.most_common(3)
