#include "registry.h"

#ifdef AE_HAVE_EMBEDDED_MODELS
// Defined in the file core/models.cmake generates.
namespace ae::model::generated {
extern const EmbeddedModel kModels[];
extern const size_t kModelCount;
}
#endif

namespace ae::model {

std::vector<EmbeddedModel> embedded_models() {
    std::vector<EmbeddedModel> out;
#ifdef AE_HAVE_EMBEDDED_MODELS
    for (size_t i = 0; i < generated::kModelCount; ++i) out.push_back(generated::kModels[i]);
#endif
    return out;
}

const EmbeddedModel* find_embedded(std::string_view name) {
#ifdef AE_HAVE_EMBEDDED_MODELS
    for (size_t i = 0; i < generated::kModelCount; ++i)
        if (name == generated::kModels[i].name) return &generated::kModels[i];
#endif
    (void)name;
    return nullptr;
}

}  // namespace ae::model
