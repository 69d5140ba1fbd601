// The trained models compiled into the core (assets/models/*.bin): which are present, loaded or
// not (and why), their sizes and the training note each carries.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace ae {

struct ModelInfo { std::string name; size_t bytes = 0; bool loaded = false; std::string error, note; };
// Every model a stage uses, in run order: "pos", "ner", "parser".
std::vector<ModelInfo> model_infos();

}  // namespace ae
