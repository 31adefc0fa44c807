/* The plural rule of the page's catalogue (gettext's grammar less arithmetic), parsed where a
   count is shown: the search page. lnox-plural.js kept it as text (lnox_site.site.csp). */
(() => {
  const LEVELS = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["%"]];
  const apply = (op, a, b) => (op === "%" ? a % b : +{"||": a || b, "&&": a && b,
    "==": a === b, "!=": a !== b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]);
  const parse = (rule) => {
    const tokens = rule.match(/\d+|[=!<>]=|&&|\|\||\S/g) || [];
    let at = 0;
    const take = (token) => {
      if (tokens[at++] !== token) throw new SyntaxError(rule);
    };
    const operand = () => {
      const token = tokens[at++];
      if (token === "n") return (n) => n;
      if (/^\d+$/.test(token)) return () => +token;
      if (token === "!") return ((a) => (n) => +!a(n))(operand());
      at--;
      take("(");
      const inner = choice();
      take(")");
      return inner;
    };
    const binary = (level) => {
      let left = level < LEVELS.length ? binary(level + 1) : operand();
      while (LEVELS[level]?.includes(tokens[at])) {
        const [op, a, b] = [tokens[at++], left, binary(level + 1)];
        left = (n) => apply(op, a(n), b(n));
      }
      return left;
    };
    const choice = () => {
      const test = binary(0);
      if (tokens[at] !== "?") return test;
      at++;
      const yes = choice();
      take(":");
      const no = choice();
      return (n) => (test(n) ? yes(n) : no(n));
    };
    const result = choice();
    take(undefined);
    return result;
  };
  if (Documentation.PLURAL_RULE) Documentation.PLURAL_EXPR = parse(Documentation.PLURAL_RULE);
})();
