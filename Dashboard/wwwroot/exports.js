// Exports done in the browser: a file from text the server built, and a table on the page as CSV (every row it holds).
window.growth = {
    download(name, text, type) {
        // A byte-order mark, so spreadsheet programs read the Chinese (UTF-8) right.
        const blob = new Blob(["\ufeff" + text], { type: type + ";charset=utf-8" });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },
    tableCsv(selector) {
        // Every table the selector finds (a statement per period), one after the other.
        const tables = Array.from(document.querySelectorAll(selector));
        if (tables.length === 0) return "";
        const cell = text => /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
        // An editable cell (the setup's tables) is its fields' values: what is typed, the option chosen, a box ticked.
        const field = f => f.tagName === "SELECT" ? (f.selectedOptions[0]?.text ?? "") : f.type === "checkbox" ? (f.checked ? "✓" : "") : f.value;
        const text = c => {
            const fields = Array.from(c.querySelectorAll("input:not([type=hidden]), select, textarea"));
            if (fields.length === 0) return c.innerText.replace(/\s+/g, " ").trim();
            // The cell's words without its fields' own (a list's options, a button's ×), then the fields' values.
            const words = c.cloneNode(true);
            words.querySelectorAll("input, select, textarea, button").forEach(f => f.remove());
            return [words.textContent, ...fields.map(field)].map(t => t.replace(/\s+/g, " ").trim()).filter(t => t.length > 0).join(" ");
        };
        return tables.flatMap(table => Array.from(table.querySelectorAll("tr")))
            .map(row => Array.from(row.querySelectorAll("th, td")).map(c => cell(text(c))).join(","))
            .join("\r\n") + "\r\n";
    },
    // The chart as a picture, drawn again by Plotly at a size fit for a slide (PNG) or at any size (SVG).
    image(id, format, name) {
        const chart = document.getElementById(id);
        if (chart && window.Plotly) window.Plotly.downloadImage(chart, { format, filename: name, width: 1200, height: Math.max(chart.offsetHeight, 400) });
    },
    downloadTable(selector, name) { this.download(name, this.tableCsv(selector), "text/csv"); },
    // On a narrow screen (a phone), a chart with named categories along x (teams, campaigns, plans) would slant long
    // names over each other: they are written level instead, wrapped to the width each category has (three lines at
    // most, the rest cut with "…"; the hover still names it whole), and the legend goes above the plot, across.
    fit(id) {
        const el = document.getElementById(id);
        if (!el || !window.Plotly || !el._fullLayout || !el.data || el.clientWidth >= 600) return;
        const axis = el._fullLayout.xaxis;
        if (!axis || axis.type !== "category") return;
        const names = [...new Set(el.data.flatMap(d => Array.isArray(d.x) ? d.x.map(String) : []))];
        if (names.length === 0) return;
        const room = Math.max(24, (el.clientWidth - 80) / names.length - 4);
        const width = ch => /[\u2E80-\uFFEF]/.test(ch) ? 11 : 6;
        const wrap = name => {
            const lines = [""];
            let used = 0;
            for (let word of name.split(/(?<=[\s\-\/,])|(?=[\u2E80-\uFFEF])/)) {
                let w = [...word].reduce((s, ch) => s + width(ch), 0);
                // A word wider than its category is cut to fit.
                if (w > room) { word = [...word].slice(0, Math.max(2, Math.floor(room / 6) - 1)).join("") + "…"; w = room; }
                if (used + w > room && lines[lines.length - 1].trim().length > 0) { lines.push(""); used = 0; }
                lines[lines.length - 1] += word;
                used += w;
            }
            const kept = lines.map(l => l.trim()).filter(l => l.length > 0);
            if (kept.length <= 3) return kept.join("<br>");
            const shown = kept.slice(0, 3).join("<br>");
            return shown.endsWith("…") ? shown : shown + "…";
        };
        const legends = el.data.filter(d => d.showlegend !== false && d.name).length;
        const rows = el._fullLayout.showlegend && legends > 0 ? Math.ceil(legends * 90 / Math.max(1, el.clientWidth - 40)) : 0;
        const update = {
            "xaxis.tickmode": "array", "xaxis.tickvals": names, "xaxis.ticktext": names.map(wrap), "xaxis.tickangle": 0,
            "xaxis.automargin": true, "xaxis.tickfont.size": 10,
        };
        if (rows > 0) Object.assign(update, { "legend.orientation": "h", "legend.x": 0, "legend.y": 1.02, "legend.yanchor": "bottom", "margin.t": 50 + 20 * rows, "margin.r": 10,
            // The title keeps to the top (Plotly centres it in the top margin, which the legend now shares).
            "title.y": 1, "title.yanchor": "top", "title.pad.t": 8 });
        window.Plotly.relayout(el, update);
    },
};
