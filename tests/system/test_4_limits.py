"""The login throttle and the form limits hold across web processes, and filling the page cache
never resets them (the counters live apart from the pages: ADR 0005)."""

from .flows import Client, fill
from .site import letter_fields, letter_form

THROTTLED = "te vaak een verkeerd wachtwoord"


def failed_login(stack, address, number):
    visitor = Client(stack.url, forwarded_for=address)  # a new connection: either web process
    return visitor.submit(
        "/admin/login/", {"username": f"gok{number}", "password": "fout", "next": "/admin/"}
    )


def test_the_login_throttle_holds_across_processes_and_after_filling_the_cache(stack):
    guesser = "203.0.113.66"
    for number in range(20):  # LOGIN_FAILURES_PER_IP
        answer = failed_login(stack, guesser, number)
        assert answer.status == 200 and THROTTLED not in answer.text, number
    assert THROTTLED in failed_login(stack, guesser, 20).text
    # 1,500 anonymous pages with varied query strings fill (and overflow) the 2 MB page cache.
    for number in range(1500):
        assert Client(stack.url).get(f"/nl/verhalen/?p={number}").status in (200, 404)
    assert THROTTLED in failed_login(stack, guesser, 21).text  # still: no unlimited guesses
    assert THROTTLED not in failed_login(stack, "203.0.113.67", 0).text  # another visitor is not locked out


def test_the_form_limit_holds_across_processes(stack):
    visitor = "203.0.113.70"
    statuses = []
    for number in range(7):  # FORM_RATE_LIMIT is 5 per minute
        client = Client(stack.url, forwarded_for=visitor)
        fields = letter_fields(action="preview", street=f"Tarwestraat{number}")
        statuses.append(fill(client, letter_form(stack), fields).status)
    assert statuses[:5] == [200] * 5, statuses
    assert statuses[5:] == [429, 429], statuses
