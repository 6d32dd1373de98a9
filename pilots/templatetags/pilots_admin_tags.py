from django import template

from pilots.consent import ConsentApprovalForm

register = template.Library()


@register.simple_tag
def consent_approval_form(form, task_state):
    """The consent form for `task_state`: Wagtail builds it without the task state on GET."""
    if isinstance(form, ConsentApprovalForm) and form.task_state is not None:
        return form
    return ConsentApprovalForm(task_state=task_state)
