// model_infos(): the one list of the models the stages load (article_explorer/models.h).
#include "article_explorer/models.h"

#include "parse/parser.h"
#include "tagging/models.h"

namespace ae {

namespace {
template <class M>
ModelInfo info(const char* name, const model::Loaded<M>& m, const std::string& note) {
    return ModelInfo{name, m.bytes, m.ok, m.error, note};
}
}  // namespace

std::vector<ModelInfo> model_infos() {
    const tagging::Models& t = tagging::models();
    const auto& p = parse::embedded_parser();
    return {info("pos", t.pos, t.pos.model.note), info("ner", t.ner, t.ner.model.note),
            info("parser", p, p.ok ? p.model.model.note() : std::string()),
            info("words", *t.words, t.words->model.note)};
}

}  // namespace ae
