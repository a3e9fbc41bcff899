// The competency hierarchy: parent references checked and resolved, cycles found with a
// depth-first search over Boost.Graph (iterative: any depth). Ancestors are not closed here: a
// closure holds the square of a chain's depth (a 20,000-deep chain took 2 GB); levels walk the
// parents instead (levels.cpp).

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <string>
#include <vector>

#include "model/model_data.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::detail {
namespace {

// Edges run from a competency to each of its parents.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct CycleFound {
  std::vector<Vertex> path;  // v0 -> v1 -> ... -> v0, each the parent of the one before
};

// Records the depth-first tree so that a back edge can be turned into the cycle it closes.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  explicit CycleRecorder(std::vector<Vertex>& tree_parent) : tree_parent_(&tree_parent) {}

  void tree_edge(Edge edge, const Graph& graph) const {
    (*tree_parent_)[boost::target(edge, graph)] = boost::source(edge, graph);
  }

  void back_edge(Edge edge, const Graph& graph) const {
    const Vertex from = boost::source(edge, graph);
    const Vertex to = boost::target(edge, graph);
    std::vector<Vertex> path{from};
    for (Vertex v = from; v != to; v = (*tree_parent_)[v]) {
      path.push_back((*tree_parent_)[v]);
    }
    std::reverse(path.begin(), path.end());  // to -> ... -> from
    path.push_back(to);
    throw CycleFound{std::move(path)};
  }

 private:
  std::vector<Vertex>* tree_parent_;
};

}  // namespace

void build_hierarchy(ModelData& data) {
  const auto& competencies = data.framework.competencies;
  const std::size_t n = competencies.size();
  std::vector<std::vector<CompetencyId>> parents(n);
  std::vector<std::vector<CompetencyId>> children(n);
  Graph graph(n);

  for (std::size_t i = 0; i < n; ++i) {
    const Competency& competency = competencies[i];
    for (const std::string& parent : competency.parents) {
      const auto found = data.competency_index.find(parent);
      if (found == data.competency_index.end()) {
        throw UnknownReferenceError("competency " + util::quote(competency.id) + ": parent " +
                                    util::quote(parent) + " is not a competency");
      }
      const CompetencyId parent_id(found->second);
      if (parent_id.index() == i) {
        throw CyclicHierarchyError("competency " + util::quote(competency.id) +
                                   " is listed as its own parent");
      }
      if (std::find(parents[i].begin(), parents[i].end(), parent_id) != parents[i].end()) {
        throw DuplicateIdError("competency " + util::quote(competency.id) + ": parent " +
                               util::quote(parent) + " is listed twice");
      }
      parents[i].push_back(parent_id);
      children[parent_id.index()].push_back(CompetencyId(static_cast<std::uint32_t>(i)));
      boost::add_edge(i, parent_id.index(), graph);
    }
  }

  std::vector<Vertex> tree_parent(n);
  std::vector<boost::default_color_type> colors(n);
  try {
    boost::depth_first_search(graph,
                              boost::visitor(CycleRecorder(tree_parent))
                                  .color_map(boost::make_iterator_property_map(
                                      colors.begin(), boost::get(boost::vertex_index, graph))));
  } catch (const CycleFound& cycle) {
    std::string path;
    for (const Vertex v : cycle.path) {
      path += (path.empty() ? "" : " -> ") + util::quote(competencies[v].id);
    }
    throw CyclicHierarchyError("competency hierarchy is cyclic: " + path +
                               " (each is listed as a parent of the one before)");
  }

  for (std::size_t i = 0; i < n; ++i) {
    std::sort(parents[i].begin(), parents[i].end());
    data.parents.add_row(parents[i]);
    data.children.add_row(children[i]);  // filled in increasing child order already
  }
}

}  // namespace teamwright::detail
