"""Demo content of the pilots: the four pilots, the stories and reflections, the workflow at work.

Idempotent: pages are found by slug and never overwritten, translations are made once, the demo
editors are found by username, and the story that waits in the workflow is set up only when it
does not exist yet.
"""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.demo import child_page, rich, stream
from home.demo import add_menu_link, translate_once

from . import consent, notifications
from .demo_content import (
    DEMO_USERS,
    ILLUSTRATIONS,
    PILOT_FACTS,
    PILOT_INDEX,
    PILOTS,
    STORIES,
    STORY_FACTS,
    STORY_INDEX,
    WAITING_STORY,
)
from .models import PilotIndexPage, PilotPage, PilotPerson, StoryIndexPage, StoryPage, StoryPerson
from .workflow import ensure_workflow

# Where the demo moderator says the signed consent forms are kept.
CONSENT_KEPT_AT = "Getekend formulier in de map Lief & Leed (demo)"


def ensure_users():
    """The demo editors, one per editorial group. They cannot log in until an administrator gives
    them a password: the demo must not ship known credentials."""
    User = get_user_model()
    users = {}
    for username, first_name, last_name, group_name in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username, first_name=first_name, last_name=last_name, email=f"{username}@example.org"
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


def draw_illustration(kind):
    """A simple flat drawing (PNG bytes) for the demo: no photos of real people in demo content."""
    from PIL import Image, ImageDraw

    width, height = 1200, 750
    picture = Image.new("RGB", (width, height), "#fdebd3")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((1000, 60, 1120, 180), fill="#f6c445")
    draw.rectangle((0, 620, width, height), fill="#8c8577")
    if kind == "flat":
        draw.rectangle((330, 90, 870, 620), fill="#e4d8c8", outline="#4a413b", width=6)
        for row in range(7):
            for column in range(5):
                x, y = 365 + column * 100, 120 + row * 68
                draw.rectangle((x, y, x + 60, y + 40), fill="#9cc3d5", outline="#4a413b", width=3)
                draw.line((x - 8, y + 48, x + 68, y + 48), fill="#b93a1f", width=6)
        for x in (150, 1000):
            draw.rectangle((x + 30, 480, x + 50, 620), fill="#6b4f2a")
            draw.ellipse((x - 30, 360, x + 110, 500), fill="#2f6b3a")
    elif kind == "package":
        draw.rectangle((420, 160, 780, 620), fill="#b93a1f", outline="#4a413b", width=6)
        draw.rectangle((470, 220, 730, 620), fill="#8c2a14")
        draw.ellipse((690, 400, 710, 420), fill="#f6c445")
        draw.rectangle((500, 470, 700, 620), fill="#2f6b3a", outline="#1f1a17", width=4)
        draw.rectangle((585, 470, 615, 620), fill="#f6c445")
        draw.rectangle((500, 525, 700, 555), fill="#f6c445")
        draw.polygon([(600, 470), (540, 420), (560, 470)], fill="#f6c445")
        draw.polygon([(600, 470), (660, 420), (640, 470)], fill="#f6c445")
    elif kind == "table":
        draw.rectangle((150, 420, 1050, 470), fill="#8c2a14")
        draw.rectangle((190, 470, 220, 620), fill="#8c2a14")
        draw.rectangle((980, 470, 1010, 620), fill="#8c2a14")
        for x, colour in ((260, "#f6c445"), (480, "#b93a1f"), (700, "#2f6b3a")):
            draw.ellipse((x, 360, x + 180, 430), fill="#ffffff", outline="#4a413b", width=4)
            draw.ellipse((x + 30, 370, x + 150, 410), fill=colour)
        draw.rectangle((910, 300, 950, 420), fill="#9cc3d5", outline="#4a413b", width=3)
        for dx, dy, colour in ((-40, -50, "#b93a1f"), (0, -80, "#f6c445"), (40, -50, "#b93a1f")):
            draw.ellipse((930 + dx - 25, 300 + dy - 25, 930 + dx + 25, 300 + dy + 25), fill=colour)
    else:  # a row of houses
        colours = ["#b93a1f", "#f6c445", "#2f6b3a", "#9cc3d5", "#8c2a14"]
        for number, colour in enumerate(colours):
            x = 40 + number * 228
            draw.rectangle((x, 300, x + 210, 620), fill=colour, outline="#1f1a17", width=5)
            draw.polygon([(x - 10, 300), (x + 105, 190), (x + 220, 300)], fill="#4a413b")
            draw.rectangle((x + 25, 350, x + 95, 420), fill="#fffaf3", outline="#1f1a17", width=3)
            draw.rectangle((x + 120, 470, x + 185, 620), fill="#fffaf3", outline="#1f1a17", width=3)
            draw.rectangle((x + 20, 425, x + 100, 445), fill="#6b4f2a")
            for flower in range(4):
                draw.ellipse((x + 24 + flower * 20, 410, x + 40 + flower * 20, 426), fill="#f6c445")
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def ensure_illustrations():
    """One image per drawing, found again by title."""
    Image = get_image_model()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Pilots").first() or root.add_child(name="Pilots")
    images = {}
    for kind, title in ILLUSTRATIONS.items():
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, description=title, collection=collection)
            image.file = ImageFile(io.BytesIO(draw_illustration(kind)), name=f"pilots-{kind}.png")
            image.save()
        images[kind] = image
    return images


def pilot_fields(content, facts, images):
    return {
        "title": content["title"],
        "intro": content["intro"],
        "district": content["district"],
        "streets": content["streets"],
        "project_leader": content["project_leader"],
        "result_summary": content["result_summary"],
        "year_start": facts["year_start"],
        "year_end": facts["year_end"],
        "image": images.get(facts["image"]),
        "image_alt": content["image_alt"],
        "partners": [("partner", {"name": name, "kind": kind}) for kind, name in content["partners"]],
        "approach": stream(content["approach"]),
        "what_worked": rich(*content["what_worked"]),
        "what_did_not_work": rich(*content["what_did_not_work"]),
        "advice": rich(*content["advice"]),
        **facts["figures"],
    }


def story_fields(content, facts, images, pilots):
    image = images.get(facts["image"]) if facts["image"] else None
    return {
        "title": content["title"],
        "intro": content["intro"],
        "kind": facts["kind"],
        "pilot": pilots.get(facts["pilot"]),
        "pull_quote": content["pull_quote"],
        "image": image,
        "image_alt": content["image_alt"] if image else "",
        "body": stream(content["body"]),
    }


def people(model, facts):
    return [
        model(name=name, role=role, street_or_organisation=place, sort_order=position)
        for position, (name, role, place) in enumerate(facts["people"])
    ]


def publish_through_workflow(page, users, author="redacteur"):
    """Publish `page` the way the editors do (cms.publishing refuses anything else for a page that
    names people), without mailing anyone about a history that happened "in the past"."""
    # Fresh user objects: Wagtail caches a user's page permissions on the instance, and the sections
    # (with their permissions) are created during the demo.
    users = {name: get_user_model().objects.get(pk=user.pk) for name, user in users.items()}
    with notifications.muted():
        consent.publish_through_workflow(
            page,
            author=users[author],
            reviewer=users["redacteur2"],
            moderator=users["moderator"],
            final_approver=users["eindredacteur"],
            kept_at=CONSENT_KEPT_AT,
        )
    page.refresh_from_db()
    return page


def ensure_pilots(home, images, users):
    index, _ = child_page(home, PilotIndexPage, **PILOT_INDEX["nl"])
    translate_once(index, "en", PILOT_INDEX)
    pilots = {}
    for slug, content in PILOTS.items():
        facts = PILOT_FACTS[slug]
        existing = index.get_children().filter(slug=slug).first()
        if existing is None:
            page = PilotPage(slug=slug, **pilot_fields(content["nl"], facts, images))
            page.people = people(PilotPerson, facts)
            index.add_child(instance=page)
            publish_through_workflow(page, users)
        else:
            page = existing.specific
        if "en" in content:
            translate_published(page, "en", content, users)
        pilots[slug] = page
    return index, pilots


def translate_published(page, language_code, content, users):
    """A translation made by the demo translator and published through the same workflow."""
    translated = translate_once(page, language_code, content, publish=False)
    if not translated.live:
        publish_through_workflow(translated, users, author="vertaler")
    return translated


def ensure_stories(home, images, pilots, users):
    index, _ = child_page(home, StoryIndexPage, **STORY_INDEX["nl"])
    for language in ("en", "ar"):
        translate_once(index, language, STORY_INDEX)
    stories = {}
    for slug, content in STORIES.items():
        facts = STORY_FACTS[slug]
        existing = index.get_children().filter(slug=slug).first()
        if existing is not None:
            stories[slug] = existing.specific
            continue
        page = StoryPage(slug=slug, **story_fields(content["nl"], facts, images, pilots))
        page.people = people(StoryPerson, facts)
        page.tags.add(*facts["tags"])
        if slug == WAITING_STORY:
            page.live = False
            index.add_child(instance=page)
            wait_at_the_consent_step(page, users)
        else:
            index.add_child(instance=page)
            publish_through_workflow(page, users)
        stories[slug] = page
    for slug, content in STORIES.items():
        for language in ("en", "ar"):
            if language in content and stories[slug].live:
                translate_published(stories[slug], language, content, users)
    return index, stories


def wait_at_the_consent_step(page, users):
    """A Redactie member submits the story, a colleague approves the first step: it now waits for a
    moderator to confirm consent, so a new editor sees the workflow at work."""
    page.save_revision(user=users["redacteur"], log_action=True)
    workflow = page.get_workflow()
    workflow.start(page, users["redacteur"])
    page.current_workflow_task_state.approve(
        user=users["redacteur2"], comment="Mooi stuk. Graag nog de toestemming van Guido controleren."
    )


def load(context):
    home = context.objects["home"]
    ensure_workflow()
    users = ensure_users()
    images = ensure_illustrations()
    pilot_index, pilots = ensure_pilots(home, images, users)
    story_index, stories = ensure_stories(home, images, pilots, users)
    ensure_workflow()  # the sections exist now: the workflow and the permissions apply to them
    add_menu_link(pilot_index)
    add_menu_link(story_index)
    context.objects.update({"pilot_index": pilot_index, "story_index": story_index})
    context.objects.update({f"pilot:{slug}": page for slug, page in pilots.items()})
    context.objects.update({f"story:{slug}": page for slug, page in stories.items()})
    waiting = stories[WAITING_STORY]
    context.log(
        f"Pilots ({len(pilots)}) and stories ({len(stories)}), en and ar translations; "
        f"“{waiting.title}” waits at the consent step"
    )
