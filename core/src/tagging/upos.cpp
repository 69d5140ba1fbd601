// Universal POS from Penn Treebank XPOS: the UD English mapping is nearly deterministic; the few
// word-dependent cases (auxiliaries, subordinating conjunctions, determiners) are decided by
// the word. Measured against UD EWT dev gold UPOS by `train-tagger eval-pos`.
#include "article_explorer/tagger.h"

#include <cctype>
#include <string>

namespace ae {

namespace {
bool is_word(std::string_view w, std::initializer_list<const char*> list) {
    std::string l;
    for (char c : w) l += char(std::tolower((unsigned char)c));
    for (const char* x : list) if (l == x) return true;
    return false;
}
}  // namespace

// The word lists are the cases where UD EWT train's majority UPOS for that tag and word differs
// from the tag's own majority.
std::string_view upos_from_xpos(std::string_view x, std::string_view w) {
    if (x.empty()) return "X";
    if (x == "NN" || x == "NNS")
        return is_word(w, {"anybody", "anyone", "anything", "everybody", "everyone", "everything", "nobody", "none",
                           "nothing", "somebody", "someone", "something"}) ? "PRON" : "NOUN";
    if (x == "NNP" || x == "NNPS") return "PROPN";
    if (x == "MD") return "AUX";
    if (x[0] == 'V')
        return is_word(w, {"'d", "'m", "'re", "'s", "'ve", "’d", "’m", "’re", "’s", "’ve", "ai", "am", "are", "be", "been",
                           "being", "did", "do", "does", "has", "is", "was", "were"}) ? "AUX" : "VERB";
    if (x == "JJ" || x == "JJR" || x == "JJS") return "ADJ";
    if (x == "RB" || x == "RBR" || x == "RBS") return is_word(w, {"not", "n't", "nt", "n’t"}) ? "PART" : "ADV";
    if (x == "WRB") return "ADV";
    if (x == "IN")
        return is_word(w, {"although", "because", "before", "cause", "if", "once", "since", "so", "that", "though", "till",
                           "unless", "until", "whereas", "whether", "while", "whilst"}) ? "SCONJ" : "ADP";
    if (x == "DT") return is_word(w, {"that"}) ? "PRON" : "DET";
    if (x == "PDT") return "DET";
    if (x == "WDT") return is_word(w, {"what", "whatever"}) ? "DET" : "PRON";
    if (x == "PRP" || x == "PRP$" || x == "WP" || x == "WP$" || x == "EX") return "PRON";
    if (x == "CD") return "NUM";
    if (x == "CC") return "CCONJ";
    if (x == "RP") return "ADP";
    if (x == "TO" || x == "POS") return "PART";
    if (x == "UH") return "INTJ";
    if (x == "SYM" || x == "$" || x == "#") return "SYM";
    if (x == "FW" || x == "LS" || x == "ADD" || x == "GW" || x == "XX" || x == "AFX") return "X";
    return "PUNCT";   // , . : `` '' -LRB- -RRB- HYPH NFP
}

}  // namespace ae
