"""Spanish names for the Rekognition labels most frequent in personal photos.

Rekognition's label names are English nouns; this fixed list gives the intended Spanish sense
(Crane at a port is a "Grúa", Glasses on a face are "Gafas") where a machine translation of a
bare word would have to guess.
"""

from __future__ import annotations

SPANISH_LABELS: dict[str, str] = {
    # People
    "Person": "Persona", "Human": "Persona", "People": "Personas", "Face": "Cara",
    "Head": "Cabeza", "Smile": "Sonrisa", "Man": "Hombre", "Woman": "Mujer", "Male": "Hombre",
    "Female": "Mujer", "Adult": "Adulto", "Child": "Niño", "Kid": "Niño", "Boy": "Niño",
    "Girl": "Niña", "Baby": "Bebé", "Teen": "Adolescente", "Crowd": "Multitud",
    "Family": "Familia", "Portrait": "Retrato", "Selfie": "Selfi", "Photography": "Fotografía",
    "Photo": "Foto", "Hair": "Pelo", "Beard": "Barba", "Happy": "Feliz", "Laughing": "Risa",
    "Finger": "Dedo", "Hand": "Mano", "Sitting": "Sentado", "Standing": "De pie",
    # Clothing
    "Clothing": "Ropa", "Apparel": "Ropa", "Accessories": "Accesorios", "Accessory": "Accesorio",
    "Glasses": "Gafas", "Sunglasses": "Gafas de sol", "Hat": "Sombrero", "Cap": "Gorra",
    "Shirt": "Camisa", "T-Shirt": "Camiseta", "Dress": "Vestido", "Suit": "Traje",
    "Coat": "Abrigo", "Jacket": "Chaqueta", "Tie": "Corbata", "Shoe": "Zapato",
    "Footwear": "Calzado", "Jeans": "Vaqueros", "Pants": "Pantalones", "Jewelry": "Joyas",
    # Places and nature
    "Outdoors": "Exterior", "Indoors": "Interior", "Nature": "Naturaleza",
    "Landscape": "Paisaje", "Scenery": "Paisaje", "Sky": "Cielo", "Cloud": "Nube",
    "Sun": "Sol", "Sunset": "Puesta de sol", "Sunrise": "Amanecer", "Night": "Noche",
    "Water": "Agua", "Sea": "Mar", "Ocean": "Océano", "Beach": "Playa", "Coast": "Costa",
    "Shoreline": "Orilla", "Sand": "Arena", "Lake": "Lago", "River": "Río",
    "Mountain": "Montaña", "Mountain Range": "Cordillera", "Snow": "Nieve", "Ice": "Hielo",
    "Forest": "Bosque", "Tree": "Árbol", "Plant": "Planta", "Flower": "Flor",
    "Grass": "Hierba", "Field": "Campo", "Garden": "Jardín", "Park": "Parque",
    "City": "Ciudad", "Urban": "Urbano", "Town": "Pueblo", "Street": "Calle", "Road": "Carretera",
    "Building": "Edificio", "Architecture": "Arquitectura", "House": "Casa", "Housing": "Vivienda",
    "Church": "Iglesia", "Tower": "Torre", "Bridge": "Puente", "Room": "Habitación",
    "Living Room": "Salón", "Kitchen": "Cocina", "Bedroom": "Dormitorio", "Window": "Ventana",
    "Door": "Puerta", "Wall": "Pared", "Floor": "Suelo", "Stage": "Escenario",
    # Animals
    "Animal": "Animal", "Pet": "Mascota", "Mammal": "Mamífero", "Dog": "Perro",
    "Puppy": "Cachorro", "Cat": "Gato", "Kitten": "Gatito", "Bird": "Pájaro", "Horse": "Caballo",
    "Fish": "Pez", "Wildlife": "Fauna",
    # Things
    "Vehicle": "Vehículo", "Transportation": "Transporte", "Car": "Coche",
    "Automobile": "Automóvil", "Bicycle": "Bicicleta", "Motorcycle": "Moto", "Bus": "Autobús",
    "Truck": "Camión", "Train": "Tren", "Boat": "Barco", "Airplane": "Avión",
    "Aircraft": "Aeronave", "Furniture": "Muebles", "Chair": "Silla", "Table": "Mesa",
    "Couch": "Sofá", "Bed": "Cama", "Lamp": "Lámpara", "Book": "Libro", "Text": "Texto",
    "Word": "Palabra", "Document": "Documento", "Paper": "Papel", "Poster": "Póster",
    "Advertisement": "Anuncio", "Logo": "Logotipo", "Symbol": "Símbolo", "Sign": "Cartel",
    "Label": "Etiqueta", "Art": "Arte", "Painting": "Pintura", "Drawing": "Dibujo",
    "Electronics": "Electrónica", "Computer": "Ordenador", "Laptop": "Portátil",
    "Phone": "Teléfono", "Mobile Phone": "Teléfono móvil", "Cell Phone": "Teléfono móvil",
    "Screen": "Pantalla", "Monitor": "Monitor", "Camera": "Cámara", "Toy": "Juguete",
    "Ball": "Balón", "Sport": "Deporte", "Sports": "Deportes", "Musical Instrument":
    "Instrumento musical", "Guitar": "Guitarra", "Piano": "Piano", "Music": "Música",
    "Concert": "Concierto", "Performer": "Artista", "Microphone": "Micrófono",
    # Food and events
    "Food": "Comida", "Meal": "Comida", "Dish": "Plato", "Drink": "Bebida",
    "Beverage": "Bebida", "Cup": "Taza", "Glass": "Vaso", "Bottle": "Botella",
    "Wine": "Vino", "Coffee": "Café", "Cake": "Tarta", "Dessert": "Postre", "Fruit": "Fruta",
    "Vegetable": "Verdura", "Bread": "Pan", "Pizza": "Pizza", "Party": "Fiesta",
    "Birthday": "Cumpleaños", "Wedding": "Boda", "Celebration": "Celebración",
    "Christmas": "Navidad", "Holiday": "Vacaciones", "Travel": "Viaje", "Tourism": "Turismo",
}  # fmt: skip
