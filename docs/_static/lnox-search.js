/* Search whatever the accents, the case and the spelling, in titles and names too.
 *
 * Sphinx stems each word of the query with the Stemmer of language_data.js, which normalises it
 * the way the index was written (lnox_site.search: lnoxNormalise). But it compares page and
 * section titles, glossary entries and publications with the whole query letter for letter. This
 * runs that comparison on copies of those parts of the index normalised like the query, then gives
 * each result its original text back. A publication has a page of its own: its result says
 * « Publication », not « Publication, in » and its title again. Loaded by the search page, after
 * searchtools.js and language_data.js.
 */
"use strict";
(() => {
  const normaliseText = (text) => text.replace(/[\p{L}\p{N}_]+/gu, lnoxNormalise);
  // Sphinx escapes object names for HTML when it writes the index, and again when it shows them.
  const unescape = (html) =>
    html.includes("&") ? new DOMParser().parseFromString(html, "text/html").body.textContent : html;
  // An elided word of the query (« l’hypoxie ») is left out, as the stemmed search leaves it out.
  const withoutElision = (query) =>
    query.replace(/[\p{L}]+['’](?=\p{L})/gu, (word) =>
      stopwords.has(word.slice(0, -1).toLowerCase()) ? "" : word,
    );
  const sphinxSearch = Search._performSearch;
  let prepared = null;

  // The normalised copies, and the original text of each result by page and anchor.
  const prepare = (index) => {
    const { docnames, titles, objnames } = index;
    const normalTitles = titles.map(normaliseText);
    const alltitles = {};
    const indexentries = {};
    const objects = {};
    const originals = new Map();
    const ownPages = new Set(); // the objects that are the subject of their page: publications
    const add = (table, key, item) => (table[key] ??= []).push(item);

    for (const [title, places] of Object.entries(index.alltitles)) {
      const key = normaliseText(title);
      for (const [file, id] of places) {
        add(alltitles, key, [file, id]);
        const shown = titles[file] !== title ? `${titles[file]} > ${title}` : title;
        originals.set(`title ${docnames[file]}${id !== null ? "#" + id : ""}`, shown);
      }
    }
    for (const [entry, places] of Object.entries(index.indexentries)) {
      for (const place of places) add(indexentries, normaliseText(entry), place);
    }
    for (const [prefix, items] of Object.entries(index.objects)) {
      for (const [file, type, prio, anchor, name] of items) {
        const fullname = (prefix ? prefix + "." : "") + name;
        // Sphinx derives an anchor left out of the index from the name: spell it out first.
        const explicit =
          anchor === "" ? fullname : anchor === "-" ? `${objnames[type][1]}-${fullname}` : anchor;
        const [shownPrefix, shownName] = [unescape(prefix), unescape(name)];
        add(objects, normaliseText(shownPrefix), [file, type, prio, explicit, normaliseText(shownName)]);
        originals.set(`object ${docnames[file]}#${explicit}`, unescape(fullname));
        if (objnames[type][0] === "pub") ownPages.add(`${docnames[file]}#${explicit}`);
      }
    }
    const pageTitles = new Map(docnames.map((name, file) => [name, titles[file]]));
    return { titles: normalTitles, alltitles, indexentries, objects, originals, ownPages, pageTitles };
  };

  Search._performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
    const index = Search._index;
    if (prepared === null) prepared = prepare(index);
    const parts = ["titles", "alltitles", "indexentries", "objects"];
    const kept = Object.fromEntries(parts.map((part) => [part, index[part]]));
    for (const part of parts) index[part] = prepared[part];
    let results;
    try {
      results = sphinxSearch(
        normaliseText(withoutElision(query)),
        searchTerms,
        excludedTerms,
        highlightTerms,
        new Set([...objectTerms].map(normaliseText)),
      );
    } finally {
      Object.assign(index, kept);
    }
    // Each result as Sphinx would show it: [docname, title, anchor, description, score, file, kind].
    for (const result of results) {
      const [docname, , anchor, description, , , kind] = result;
      const title = prepared.pageTitles.get(docname);
      result[1] = prepared.originals.get(`${kind} ${docname}${anchor}`) ?? title;
      if (kind === "object" && prepared.ownPages.has(`${docname}${anchor}`)) {
        const where = _(", in ") + normaliseText(title);
        result[3] = description.slice(0, description.length - where.length);
      } else if (description) {
        const shownTitle = normaliseText(title);
        result[3] = description.slice(0, description.length - shownTitle.length) + title;
      }
    }
    return results;
  };
})();
