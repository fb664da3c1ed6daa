// The router: #/ (home: search, counts, provinces), #/body/<id>, #/province/<code>,
// #/compare/<a,b>, #/person/<id>, #/position/<id>, #/unit/<code>,
// #/source/<id>[?hl=START-END] (the reader), #/timeline/body/<id>, #/timeline/unit/<code>,
// #/patterns (nationwide matrix), #/map. Each page reads the API and draws itself.
import { ApiError, setToken } from "./api";
import { errorBox } from "./components";
import { clear, h } from "./dom";
import { bodyPage } from "./pages/body";
import { comparePage } from "./pages/compare";
import { mapPage } from "./pages/map";
import { personPage, positionPage, unitPage } from "./pages/others";
import { patternsPage } from "./pages/patterns";
import { provincePage } from "./pages/province";
import { readerPage } from "./pages/reader";
import { timelinePage } from "./pages/timeline";
import { searchPage } from "./pages/search";

const app = document.getElementById("app") as HTMLElement;
let generation = 0;

function parse(hash: string): { page: string; arg: string; params: URLSearchParams } {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  const slash = path.indexOf("/");
  const page = slash < 0 ? path : path.slice(0, slash);
  const arg = slash < 0 ? "" : decodeURIComponent(path.slice(slash + 1));
  return { page, arg, params: new URLSearchParams(query) };
}

async function route() {
  const mine = ++generation;
  const { page, arg, params } = parse(location.hash);
  // a page renders into its own container, so a slow, stale page never lands
  const view = h("div", { class: `page page-${page || "search"}` });
  clear(app);
  app.append(view);
  document.body.dataset.page = page || "search";
  try {
    switch (page) {
      case "": searchPage(view, params); break;
      case "body": await bodyPage(view, arg, params); break;
      case "province": await provincePage(view, arg); break;
      case "compare": await comparePage(view, arg); break;
      case "person": await personPage(view, arg); break;
      case "position": await positionPage(view, arg); break;
      case "unit": await unitPage(view, arg); break;
      case "source": await readerPage(view, arg, params); break;
      case "timeline": await timelinePage(view, arg); break;
      case "patterns": await patternsPage(view, params); break;
      case "map": await mapPage(view, params); break;
      default: view.append(errorBox(new ApiError(404, "Not found", `Không có trang “${page}”.`)));
    }
    if (mine === generation) document.title = `${view.querySelector("h1")?.textContent ?? "mergegraph"} · mergegraph`;
  } catch (err) {
    if (mine !== generation) return;
    clear(view);
    view.append(errorBox(err));
    if (err instanceof ApiError && err.status === 401) view.append(tokenForm());
  }
}

function tokenForm() {
  const input = h("input", { type: "password", "aria-label": "API token", autocomplete: "off" });
  return h("form", { class: "card", onsubmit: (e: Event) => { e.preventDefault(); setToken(input.value.trim()); route(); } },
    h("p", null, "Máy chủ yêu cầu mã truy cập để đọc. ", h("span", { class: "en" }, "This server requires a bearer token for reads.")),
    input, " ", h("button", { type: "submit" }, "OK"));
}

window.addEventListener("hashchange", () => { route(); window.scrollTo(0, 0); });
route();
