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
        const table = document.querySelector(selector);
        if (!table) return "";
        const cell = text => /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
        return Array.from(table.querySelectorAll("tr"))
            .map(row => Array.from(row.querySelectorAll("th, td")).map(c => cell(c.innerText.replace(/\s+/g, " ").trim())).join(","))
            .join("\r\n") + "\r\n";
    },
    // The chart as a picture, drawn again by Plotly at a size fit for a slide (PNG) or at any size (SVG).
    image(id, format, name) {
        const chart = document.getElementById(id);
        if (chart && window.Plotly) window.Plotly.downloadImage(chart, { format, filename: name, width: 1200, height: Math.max(chart.offsetHeight, 400) });
    },
    downloadTable(selector, name) { this.download(name, this.tableCsv(selector), "text/csv"); },
};
