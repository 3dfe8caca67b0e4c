import { Component } from '@angular/core';

@Component({
  selector: 'sp-ui',
  imports: [],
  templateUrl: './ui.html',
  styleUrl: './ui.css'
})
export class Ui {}
