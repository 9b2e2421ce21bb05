package org.brokerscope.ui.graph;

import io.nayuki.qrcodegen.QrCode;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws a QR code of a text, black on white with the quiet zone the standard asks for. */
final class QrCodes {
    private static final int QUIET_MODULES = 4;

    private QrCodes() {
    }

    /** A canvas of about {@code sizePixels} square showing {@code text} as a QR code. */
    static Canvas of(String text, double sizePixels) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int modules = qr.size + 2 * QUIET_MODULES;
        double cell = Math.floor(sizePixels / modules);
        Canvas canvas = new Canvas(cell * modules, cell * modules);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(Color.BLACK);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    g.fillRect((x + QUIET_MODULES) * cell, (y + QUIET_MODULES) * cell, cell, cell);
                }
            }
        }
        canvas.getStyleClass().add("qr-code");
        canvas.setUserData(text);
        return canvas;
    }
}
