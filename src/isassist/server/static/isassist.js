// The websocket URL of this page's own server (ws: or wss: as the page was loaded); set
// before textual.js connects on window load.
document.addEventListener("DOMContentLoaded", function () {
  var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  var terminal = document.getElementById("terminal");
  if (terminal) {
    terminal.dataset.sessionWebsocketUrl = scheme + "//" + window.location.host + "/ws";
  }
});
