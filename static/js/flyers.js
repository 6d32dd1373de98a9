// Progressive enhancement for the flyer pages; both work without it.
// 1. The form: the preview of the first page follows what you type (the server renders it with
//    the same template as the PDF; without JavaScript the "Voorbeeld bekijken" button does this).
// 2. The progress page: asks every 2 seconds whether the PDF is ready and then says so.
document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-preview-url]");
    if (form) {
        const target = document.getElementById(form.dataset.previewTarget);
        let timer = null;
        let controller = null;
        const refresh = async () => {
            if (controller) controller.abort();
            controller = new AbortController();
            target.setAttribute("aria-busy", "true");
            try {
                const response = await fetch(form.dataset.previewUrl, {
                    method: "POST",
                    body: new FormData(form),
                    credentials: "same-origin",
                    headers: { "X-Requested-With": "fetch" },
                    signal: controller.signal,
                });
                if (response.ok || response.status === 400) {
                    const html = await response.text();
                    const parsed = new DOMParser().parseFromString(html, "text/html");
                    target.replaceChildren(...parsed.body.childNodes);
                }
            } catch (error) {
                // A cancelled or failed preview leaves the last one in place.
            } finally {
                target.removeAttribute("aria-busy");
            }
        };
        const schedule = () => {
            clearTimeout(timer);
            timer = setTimeout(refresh, 600);
        };
        form.addEventListener("input", schedule);
        form.addEventListener("change", schedule);
    }

    const progress = document.querySelector("[data-flyer-status-url]");
    const status = progress && progress.querySelector("[data-flyer-status]");
    if (progress && status) {
        const link = progress.querySelector("[data-flyer-download]");
        const poll = async () => {
            try {
                const response = await fetch(progress.dataset.flyerStatusUrl, {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                });
                const data = await response.json();
                if (data.ready) {
                    status.textContent = status.dataset.readyText;
                    if (link) {
                        link.href = data.url;
                        link.textContent = link.dataset.readyText;
                        link.focus();
                    }
                    return;
                }
                if (data.status === "failed") {
                    window.location.reload();
                    return;
                }
            } catch (error) {
                // Try again at the next tick; the refresh link keeps working.
            }
            setTimeout(poll, 2000);
        };
        setTimeout(poll, 2000);
    }
});
