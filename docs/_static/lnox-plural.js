/* Sphinx's doctools.js reads the plural rule of translations.js with `new Function`, which the
   Content-Security-Policy refuses (lnox_site.site.csp): the rule is kept as text, and parsed by
   lnox-plural-rule.js where a count is shown (the search page). */
Documentation.addTranslations = (catalog) => {
  Object.assign(Documentation.TRANSLATIONS, catalog.messages);
  Documentation.PLURAL_RULE = catalog.plural_expr;
  Documentation.LOCALE = catalog.locale;
};
