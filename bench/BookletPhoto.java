import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * A synthetic portrait for bench/booklet.sh: 480 × 640 JPEG, a gradient background with a head-and-shoulders
 * silhouette (never a real person), about the size of a portrait photo after a phone upload is cropped.
 * Usage: java bench/BookletPhoto.java out.jpg
 */
public class BookletPhoto {

	public static void main(String[] args) throws Exception {
		var image = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(0x2f4b7c), 480, 640, new Color(0x9fb3d1)));
		g.fillRect(0, 0, 480, 640);
		var random = new java.util.Random(13);
		for (int i = 0; i < 400; i++) {
			g.setColor(new Color(255, 255, 255, random.nextInt(24)));
			g.fillOval(random.nextInt(480), random.nextInt(640), 20 + random.nextInt(60), 20 + random.nextInt(60));
		}
		g.setColor(new Color(0x1f2a3a));
		g.fillOval(150, 120, 180, 220);
		g.fillRoundRect(70, 360, 340, 320, 160, 160);
		g.dispose();
		ImageIO.write(image, "jpg", new File(args[0]));
	}
}
