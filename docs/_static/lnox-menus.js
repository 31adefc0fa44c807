/* The phone menus of furo (site navigation, contents of the page) from the keyboard.
 *
 * furo opens a drawer when its hidden checkbox (#__navigation, #__toc) is checked; the buttons of
 * page.html check it, say whether the drawer is open (aria-expanded) and move the focus into it;
 * Escape closes it and gives the focus back to the button. A closed drawer that is off screen is
 * inert, so that Tab does not wander through links that cannot be seen.
 */
"use strict";
(() => {
  const FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]), [tabindex]:not([tabindex='-1'])";
  const shown = (element) => element.getClientRects().length > 0;
  const menus = [
    ["__navigation", ".sidebar-drawer", "button.nav-overlay-icon"],
    ["__toc", ".toc-drawer", "button.toc-overlay-icon"],
  ]
    .map(([toggle, drawer, buttons]) => ({
      toggle: document.getElementById(toggle),
      drawer: document.querySelector(drawer),
      buttons: [...document.querySelectorAll(buttons)],
      opener: null,
    }))
    .filter((menu) => menu.toggle && menu.drawer);

  // The drawer is off screen while it is closed whenever one of its buttons shows (narrow screens).
  const update = (menu) => {
    const open = menu.toggle.checked;
    for (const button of menu.buttons) button.setAttribute("aria-expanded", String(open));
    const focused = menu.drawer.contains(document.activeElement);
    menu.drawer.inert = !open && menu.buttons.some(shown);
    if (!open && focused) (menu.opener ?? menu.buttons.find(shown))?.focus();
  };

  const open = (menu, button) => {
    menu.toggle.checked = true;
    menu.opener = button;
    update(menu);
    [...menu.drawer.querySelectorAll(FOCUSABLE)].find(shown)?.focus();
  };

  const close = (menu) => {
    menu.toggle.checked = false;
    update(menu);
  };

  for (const menu of menus) {
    // A tap on the dimmed page beside an open drawer (furo's overlay <label>) closes it.
    menu.toggle.addEventListener("change", () => update(menu));
    for (const button of menu.buttons) {
      button.addEventListener("click", () =>
        menu.toggle.checked ? close(menu) : open(menu, button),
      );
    }
    update(menu);
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const menu of menus) if (menu.toggle.checked) close(menu);
  });
  window.addEventListener("resize", () => menus.forEach(update));
})();
