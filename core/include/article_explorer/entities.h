// Stage 6 — entities: the NER's one-entity-per-mention list grouped into the story's cast.
//
// group_entities() replaces Analysis::entities with grouped entities:
//   * names: `Jorge Glas` / `Glas` / `Glas'` (a shorter name joins the one longer name it is part
//     of; two different `Smith`s stay apart), acronyms (`International Court of Justice` / `ICJ`),
//     possessives and apostrophe variants (`Ecuador's` / `Ecuador’s`);
//   * nationality adjectives linked to their country (`Mexican` -> Mexico, kind "nominal") from
//     the compiled demonym table (assets/lexicons/demonyms.txt, tools/build-demonyms);
//   * roles from titles before the name (`Mexican President …`) and appositions
//     (`Roberto Canseco, head of …,`);
//   * pronouns (he/him/his/she/her) and short descriptions (`the former vice-president`)
//     resolved only when one person fits (gender from honorifics, gendered role words and
//     earlier unambiguous pronouns); pronouns inside quotation marks are left alone;
//   * canonical name = the longest proper name; type by majority over mentions, with the place
//     lexicons as evidence, unless the text itself says what the name is (`automaker Chrysler`,
//     `Chrysler LLC`, `analyst Maryann Keller`, `Fiat, the Italian carmaker,`); a company's name
//     joins the same name with its legal form; salience in [0, 1].
// Ids e1… in order of first mention; mentions sorted, kinds name|alias|pronoun|nominal.
// Linear in the number of tokens and mentions.
#pragma once
#include "article_explorer/analysis.h"
#include "article_explorer/lexicon.h"   // builtin_lexicon

#include <string_view>

namespace ae {

void group_entities(Analysis& a);


}  // namespace ae
