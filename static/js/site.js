// Progressive enhancement only: every page works without this file.
// Moves focus to <main> after following the skip link, also in browsers that do not do so themselves.
document.addEventListener("DOMContentLoaded", () => {
    const skip = document.querySelector(".skip-link");
    const main = document.getElementById("main");
    if (skip && main) {
        skip.addEventListener("click", () => main.focus());
    }
});
