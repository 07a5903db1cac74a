"""Simple illustrative scenes drawn with Pillow for the demo's news (nothing downloaded): a
conference hall, a laboratory, a signing table, an award, a digital circuit, a metrology
bench, a technology fair and a training room. Flat shapes on a 1200 x 800 canvas, a few
milliseconds each, deterministic for a seed (which varies colours and counts a little).
"""

import random

from PIL import ImageDraw

WALL = (226, 232, 240)
FLOOR = (176, 160, 140)
WOOD = (140, 90, 50)
DARK = (40, 48, 64)
RED = (165, 14, 14)
GOLD = (230, 180, 40)
SKIN = (232, 190, 160)
SUITS = [(40, 52, 84), (60, 60, 70), (30, 70, 110), (90, 40, 40), (70, 80, 60)]


def backdrop(draw, size, wall=WALL, floor=FLOOR, horizon=0.62):
    """A wall in bands of light (a cheap gradient) over a floor."""
    width, height = size
    line = int(height * horizon)
    for band in range(16):
        shade = 1 - band * 0.012
        top = line * band // 16
        draw.rectangle(
            [0, top, width, line * (band + 1) // 16], fill=tuple(int(c * shade) for c in wall)
        )
    draw.rectangle([0, line, width, height], fill=floor)
    return line


def person(draw, x, y, scale=1.0, suit=SUITS[0], seated=False):
    """A person seen from the front, feet (or seat) at `y`."""
    head = 22 * scale
    body_height = (70 if seated else 120) * scale
    draw.rounded_rectangle(
        [x - 30 * scale, y - body_height, x + 30 * scale, y], radius=int(14 * scale), fill=suit
    )
    draw.polygon(
        [
            (x - 8 * scale, y - body_height),
            (x + 8 * scale, y - body_height),
            (x, y - body_height + 26 * scale),
        ],
        fill=(245, 245, 245),
    )
    top = y - body_height - 2 * head - 4 * scale
    draw.ellipse([x - head, top, x + head, top + 2 * head], fill=SKIN)
    draw.chord([x - head, top - 2, x + head, top + head * 1.2], 180, 360, fill=(30, 30, 30))


def banner(draw, box, colour=RED, lines=2):
    """A red banner with pale lines standing for its words."""
    draw.rectangle(box, fill=colour)
    left, top, right, bottom = box
    step = (bottom - top) / (lines + 1)
    for index in range(1, lines + 1):
        y = top + step * index
        inset = (right - left) * (0.12 + 0.08 * (index % 2))
        draw.rectangle([left + inset, y - 5, right - inset, y + 5], fill=(255, 236, 170))


def conference(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(200, 214, 232), floor=(120, 60, 50), horizon=0.5)
    banner(draw, [width * 0.15, 40, width * 0.85, 200])
    draw.rectangle([width * 0.2, 300, width * 0.8, 380], fill=WOOD)
    for index in range(5):
        person(draw, width * (0.28 + index * 0.11), 330, 0.7, SUITS[index % 5], seated=True)
    draw.rectangle([width * 0.2, 330, width * 0.8, 390], fill=WOOD)
    for index in range(4):
        draw.ellipse(
            [width * (0.28 + index * 0.15) - 10, 300, width * (0.28 + index * 0.15) + 10, 320],
            fill=(250, 250, 250),
        )
    for row in range(3):
        for seat in range(9):
            x = width * (0.08 + seat * 0.105) + (row % 2) * 20
            person(
                draw,
                x,
                height - 40 - row * 120 + 120,
                0.9 + row * 0.1,
                rng.choice(SUITS),
                seated=True,
            )


def laboratory(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(222, 240, 238), floor=(190, 200, 205), horizon=0.6)
    for shelf in range(2):
        top = 110 + shelf * 150
        draw.rectangle([80, top, width - 80, top + 14], fill=(150, 160, 170))
        for index in range(12):
            x = 110 + index * 85
            tall = rng.randint(50, 100)
            draw.rectangle(
                [x, top - tall, x + 40, top], fill=(170, 200, 220), outline=DARK, width=2
            )
    draw.rectangle([0, height * 0.6, width, height * 0.68], fill=(60, 70, 80))
    colours = [(60, 160, 90), (40, 120, 200), (200, 80, 60), (230, 170, 40)]
    for index in range(5):
        x, base = 180 + index * 200, height * 0.6
        liquid = colours[(index + rng.randint(0, 3)) % 4]
        draw.rectangle([x - 12, base - 170, x + 12, base - 90], outline=DARK, width=4)
        draw.polygon(
            [(x - 12, base - 90), (x + 12, base - 90), (x + 70, base), (x - 70, base)],
            fill=(235, 245, 250),
            outline=DARK,
        )
        draw.polygon(
            [(x - 38, base - 45), (x + 38, base - 45), (x + 70, base - 2), (x - 70, base - 2)],
            fill=liquid,
        )
    person(draw, width * 0.86, height * 0.95, 1.4, (250, 250, 250))


def signing(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(236, 226, 210), floor=(150, 110, 80), horizon=0.55)
    banner(draw, [width * 0.1, 50, width * 0.9, 220])
    for flag, x in enumerate((width * 0.12, width * 0.88)):
        draw.rectangle([x - 4, 260, x + 4, height * 0.7], fill=(90, 90, 90))
        draw.rectangle([x - (70 if flag else 0), 270, x + (0 if flag else 70), 320], fill=RED)
    for index, x in enumerate((width * 0.36, width * 0.64)):
        person(draw, x, height * 0.68, 1.6, SUITS[index * 2], seated=True)
    draw.rectangle([width * 0.18, height * 0.62, width * 0.82, height * 0.9], fill=RED)
    draw.rectangle([width * 0.18, height * 0.6, width * 0.82, height * 0.64], fill=(120, 10, 10))
    for x in (width * 0.36, width * 0.64):
        draw.rectangle([x - 70, height * 0.57, x + 70, height * 0.62], fill=(250, 250, 250))
    for index in range(rng.randint(4, 6)):
        person(draw, width * (0.2 + index * 0.14), height * 0.52, 1.0, rng.choice(SUITS))


def award(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(250, 236, 214), floor=(170, 60, 50), horizon=0.7)
    banner(draw, [width * 0.1, 30, width * 0.9, 150])
    left, top = width * 0.28, 200
    draw.rectangle([left, top, width * 0.72, top + 330], fill=GOLD)
    draw.rectangle([left + 16, top + 16, width * 0.72 - 16, top + 314], fill=(255, 250, 235))
    draw.ellipse([width / 2 - 45, top + 40, width / 2 + 45, top + 130], fill=RED)
    for index in range(4):
        span = width * (0.14 - 0.02 * index)
        draw.rectangle(
            [width / 2 - span, top + 160 + index * 34, width / 2 + span, top + 172 + index * 34],
            fill=(120, 110, 100),
        )
    for index in range(rng.randint(5, 7)):
        person(draw, width * (0.1 + index * 0.13), height * 0.98, 1.3, SUITS[index % 5])


def digital(draw, size, rng):
    width, height = size
    draw.rectangle([0, 0, width, height], fill=(12, 40, 80))
    for _ in range(40):
        x, y = rng.randint(0, width), rng.randint(0, height)
        length = rng.randint(80, 300)
        end = (x + length, y) if rng.random() < 0.5 else (x, y + length)
        draw.line([(x, y), end], fill=(60, 170, 220), width=4)
        draw.ellipse([end[0] - 8, end[1] - 8, end[0] + 8, end[1] + 8], fill=(120, 220, 255))
    chip = [width / 2 - 150, height / 2 - 150, width / 2 + 150, height / 2 + 150]
    draw.rounded_rectangle(chip, radius=20, fill=(30, 30, 40), outline=(120, 220, 255), width=6)
    centre_x, centre_y = width / 2, height / 2
    for index in range(8):
        offset = -126 + index * 36
        for near, far in ((150, 190), (-190, -150)):
            pin = [centre_x + near, centre_y + offset, centre_x + far, centre_y + offset + 12]
            draw.rectangle(pin, fill=GOLD)
            pin = [centre_x + offset, centre_y + near, centre_x + offset + 12, centre_y + far]
            draw.rectangle(pin, fill=GOLD)
    draw.rectangle(
        [width / 2 - 80, height / 2 - 80, width / 2 + 80, height / 2 + 80], outline=GOLD, width=6
    )


def metrology(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(214, 222, 214), floor=(120, 130, 120), horizon=0.58)
    for index in range(3):
        x = 80 + index * 380
        draw.rectangle([x, 80, x + 300, 130], fill=(90, 100, 110))
        for tooth in range(6):
            draw.polygon(
                [(x + tooth * 50, 130), (x + tooth * 50 + 50, 130), (x + tooth * 50 + 25, 90)],
                fill=(70, 80, 90),
            )
    draw.rectangle([0, height * 0.58, width, height * 0.66], fill=(60, 60, 60))
    cx, cy, radius = width * 0.32, height * 0.4, 150
    draw.ellipse(
        [cx - radius, cy - radius, cx + radius, cy + radius],
        fill=(250, 250, 250),
        outline=DARK,
        width=10,
    )
    for tick in range(9):
        angle_x = cx - radius * 0.8 + tick * radius * 0.2
        draw.line([(angle_x, cy - radius * 0.55), (angle_x, cy - radius * 0.4)], fill=DARK, width=4)
    draw.line(
        [(cx, cy), (cx + radius * 0.6, cy - radius * (0.3 + rng.random() * 0.3))], fill=RED, width=8
    )
    scale_x = width * 0.72
    draw.rectangle(
        [scale_x - 160, height * 0.5, scale_x + 160, height * 0.58],
        fill=(180, 180, 190),
        outline=DARK,
        width=4,
    )
    draw.rectangle([scale_x - 70, height * 0.44, scale_x + 70, height * 0.5], fill=(30, 60, 40))
    for index in range(3):
        draw.rectangle(
            [
                scale_x - 120 + index * 90,
                height * 0.34,
                scale_x - 60 + index * 90,
                height * 0.44 - 4,
            ],
            fill=(200, 140, 60),
            outline=DARK,
        )
    person(draw, width * 0.55, height * 0.96, 1.3, (30, 90, 160))


def fair(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(230, 236, 246), floor=(200, 200, 205), horizon=0.5)
    colours = [(11, 79, 156), RED, (20, 110, 60), (200, 120, 20)]
    for index in range(4):
        left = 30 + index * 295
        colour = colours[(index + rng.randint(0, 3)) % 4]
        draw.rectangle([left, 120, left + 270, 190], fill=colour)
        draw.rectangle([left + 40, 145, left + 230, 160], fill=(255, 255, 255))
        draw.rectangle([left, 190, left + 270, 450], fill=(250, 250, 250), outline=colour, width=6)
        draw.rectangle([left + 30, 230, left + 130, 320], fill=(60, 70, 90))
        draw.rectangle([left + 150, 240, left + 240, 330], fill=colour)
        draw.rectangle([left, 380, left + 270, 450], fill=colour)
    for index in range(8):
        person(draw, 70 + index * 150 + rng.randint(-20, 20), height * 0.97, 1.2, rng.choice(SUITS))


def training(draw, size, rng):
    width, height = size
    backdrop(draw, size, wall=(238, 236, 226), floor=(160, 130, 100), horizon=0.55)
    draw.rectangle(
        [width * 0.25, 50, width * 0.75, 330], fill=(250, 250, 250), outline=DARK, width=8
    )
    draw.rectangle([width * 0.3, 90, width * 0.7, 120], fill=(11, 79, 156))
    for index in range(4):
        draw.rectangle(
            [width * 0.3, 150 + index * 40, width * (0.68 - 0.07 * index), 166 + index * 40],
            fill=(130, 140, 150),
        )
    person(draw, width * 0.85, height * 0.62, 1.2, SUITS[2])
    for row in range(2):
        draw.rectangle(
            [40, height * (0.7 + row * 0.18), width - 40, height * (0.74 + row * 0.18)], fill=WOOD
        )
        for seat in range(6):
            person(
                draw,
                120 + seat * 190 + row * 40,
                height * (0.72 + row * 0.18),
                1.0,
                rng.choice(SUITS),
                seated=True,
            )


SCENES = {
    "conference": conference,
    "laboratory": laboratory,
    "signing": signing,
    "award": award,
    "digital": digital,
    "metrology": metrology,
    "fair": fair,
    "training": training,
}


def draw_scene(image, scene, seed):
    """Draw `scene` (a key of SCENES) on a Pillow image."""
    SCENES[scene](ImageDraw.Draw(image), image.size, random.Random(seed))
