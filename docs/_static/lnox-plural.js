/* The plural rule of the page's catalogue, read without `eval`.

   Sphinx's doctools.js turns the rule of translations.js (a C expression such as
   "(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2") into a function with
   `new Function`, which the site's Content-Security-Policy forbids (no 'unsafe-eval':
   lnox_site.site.csp). Loaded between doctools.js and translations.js, this script reads the same
   rule with a small parser of gettext's plural grammar instead; the search page's count of
   results ("1 page", "2 pages") depends on it. */
(() => {
  // Binary operators from the loosest to the tightest, as in C; results are numbers, as in C.
  const LEVELS = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];
  const OPERATORS = {
    "||": (a, b) => Number(Boolean(a || b)),
    "&&": (a, b) => Number(Boolean(a && b)),
    "==": (a, b) => Number(a === b),
    "!=": (a, b) => Number(a !== b),
    "<": (a, b) => Number(a < b),
    ">": (a, b) => Number(a > b),
    "<=": (a, b) => Number(a <= b),
    ">=": (a, b) => Number(a >= b),
    "+": (a, b) => a + b,
    "-": (a, b) => a - b,
    "*": (a, b) => a * b,
    "/": (a, b) => Math.trunc(a / b),
    "%": (a, b) => a % b,
  };

  const parse = (text) => {
    const tokens = text.match(/\d+|n|[=!<>]=|&&|\|\||[-+*/%<>!?:()]/g) || [];
    let at = 0;
    const fail = () => {
      throw new SyntaxError(`plural rule: unexpected "${tokens[at]}" in ${text}`);
    };
    const take = (token) => (tokens[at] === token ? (at += 1) : fail());
    const operand = () => {
      const token = tokens[at++];
      if (token === "n") return (n) => n;
      if (/^\d+$/.test(token)) return () => Number(token);
      if (token === "!") {
        const inner = operand();
        return (n) => Number(!inner(n));
      }
      if (token !== "(") fail();
      const inner = conditional();
      take(")");
      return inner;
    };
    const binary = (level) => {
      if (level === LEVELS.length) return operand();
      let left = binary(level + 1);
      while (LEVELS[level].includes(tokens[at])) {
        const [operator, first, second] = [OPERATORS[tokens[at++]], left, binary(level + 1)];
        left = (n) => operator(first(n), second(n));
      }
      return left;
    };
    const conditional = () => {
      const test = binary(0);
      if (tokens[at] !== "?") return test;
      at += 1;
      const yes = conditional();
      take(":");
      const no = conditional();
      return (n) => (test(n) ? yes(n) : no(n));
    };
    const rule = conditional();
    if (at !== tokens.length) fail();
    return rule;
  };

  Documentation.addTranslations = (catalog) => {
    Object.assign(Documentation.TRANSLATIONS, catalog.messages);
    Documentation.PLURAL_EXPR = parse(catalog.plural_expr);
    Documentation.LOCALE = catalog.locale;
  };
})();
